// End-to-end accessibility: axe-core (WCAG 2 A/AA) on the main states (list, search, Settings,
// the paper view, the shortcuts list), light and dark, on a phone and a desktop, with a
// screenshot of each in tests/e2e/out/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { launch, openPage, ready } from './browser.mjs';
import { serveStatic } from './server.mjs';

const DIST = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
const OUT = fileURLToPath(new URL('./out', import.meta.url));
mkdirSync(OUT, { recursive: true });
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server;
let browser;

before(async () => {
  server = await serveStatic(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** WCAG 2.0/2.1 A and AA violations on the page as it is, as "rule: target" lines. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const STATES = {
  list: async () => {},
  search: async (page) => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('model');
    await page.getByText('Search help').click();
  },
  settings: async (page) => {
    await page.getByText('Settings', { exact: true }).click();
    for (const summary of await page.locator('.settings details > summary').all()) await summary.click();
  },
  paper: async (page) => {
    await page.locator('article').first().getByRole('button', { name: 'Details' }).click();
    await page.getByRole('complementary', { name: 'Paper' }).waitFor();
  },
  shortcuts: async (page) => {
    await page.keyboard.press('j');
    await page.keyboard.press('?');
  },
  'for-you': async (page) => {
    await page.keyboard.press('Escape');
    await page.locator('article').first().getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('foryou');
    await page.locator('.why').first().waitFor();
  },
  digest: async (page) => {
    await page.getByRole('button', { name: 'Digest' }).click();
    await page.getByRole('region', { name: 'Digest' }).locator('.digest-list').first().waitFor();
  },
  tags: async (page) => {
    await page.getByRole('button', { name: '★ Saved' }).click();
    const card = page.locator('article').first();
    await card.getByText('Tags and note').click();
    await card.getByRole('combobox', { name: 'Tag' }).fill('mine');
    await card.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('button', { name: '#mine (1)' }).waitFor();
  },
};

describe('accessibility', () => {
  for (const scheme of ['light', 'dark']) {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 740 }]]) {
      test(`no WCAG A/AA violations: ${scheme}, ${device}`, async () => {
        // The page's CSP would refuse the injected checker, rightly: bypass it for the audit only.
        const { context, page, problems } = await openPage(browser, new URL(server.url).origin, viewport, { bypassCSP: true, colorScheme: scheme });
        await page.goto(server.url);
        await ready(page);
        for (const [state, enter] of Object.entries(STATES)) {
          await enter(page);
          assert.deepEqual(await violations(page), [], `${state}, ${scheme}, ${device}`);
          await page.screenshot({ path: `${OUT}/${state}-${scheme}-${device}.png`, fullPage: state === 'settings' });
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});
