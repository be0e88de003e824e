// End-to-end: each hostile feed of the audit (hostile-cases.mjs) opened through a link, as a
// new reader would. The page raises no error, the embedded feed still fills the default view,
// the hostile papers are drawn within the limits, the reader is told what was skipped,
// trimmed or refused, and the feeds were parsed by the engine worker. How long the main thread is blocked is measured by
// tests/bench/hostile.mjs, not here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { launch, listDrawn, openPage, ready } from './browser.mjs';
import { startFeedServer } from './feed-server.mjs';
import { latestDay, onDay } from './feed.mjs';
import { cases } from './hostile-cases.mjs';
import { serveStatic } from './server.mjs';

const DIST = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

let app;
let feeds;
let browser;

before(async () => {
  app = await serveStatic(DIST);
  feeds = await startFeedServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await feeds?.close();
  await app?.close();
});

describe('hostile feeds through a link', () => {
  for (const hostile of cases) {
    test(hostile.name, async () => {
      const { context, page } = await openPage(browser, new URL(app.url).origin);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The engine worker parses every format read whole; the page says when it cannot.
      page.on('console', (m) => m.text().includes('decodes feeds on the page') && errors.push(m.text()));
      const links = hostile.feeds.map((p) => `feed=${encodeURIComponent(feeds.origin + p)}`);
      await page.goto(`${app.url}?${[...links, hostile.extra].filter(Boolean).join('&')}`);
      await ready(page);
      await page.locator('.source-notices .notice, [role=alert]').filter({ hasText: hostile.says }).waitFor();
      await listDrawn(page);
      // The embedded feed's latest day is still the view, with the hostile papers (if any) in it.
      const weekly = hostile.extra === 'period=weekly';
      if (!weekly) {
        await page.getByRole('status').filter({ hasText: `${onDay(latestDay).length + hostile.adds} papers` }).waitFor();
      }
      await page.locator('article', { hasText: onDay(latestDay)[0].title }).first().waitFor();
      // Every paper on screen holds to the limits: a title of 1,000 characters and a dozen links.
      const longest = await page.locator('article h3').evaluateAll((hs) => Math.max(...hs.map((h) => h.textContent.length)));
      assert.ok(longest <= 1_001, `a title of ${longest} characters`);
      const mostLinks = await page.locator('article').evaluateAll((cards) => Math.max(...cards.map((c) => c.querySelectorAll('a[href^="http"]').length)));
      assert.ok(mostLinks <= 14, `a card with ${mostLinks} links`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
