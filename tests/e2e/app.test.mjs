// End-to-end: the release build (dist/) served on loopback, driven in headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { cardsDrawn, launch, listDrawn, openPage, ready, frames, statusText } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { inWeekOf, latestDay, matching, onDay, papers } from './feed.mjs';

const DIST = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));
const OUT = fileURLToPath(new URL('./out', import.meta.url));
mkdirSync(OUT, { recursive: true });

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

const plural = (n) => `${n} paper${n === 1 ? '' : 's'}`;

/** The search box's hint is shown whole: written into the box, it does not overflow it. */
async function hintFits(page) {
  const [hint, wide, room] = await page.getByRole('searchbox', { name: 'Search papers' }).evaluate((input) => {
    const before = input.value;
    input.value = input.placeholder;
    const measured = [input.placeholder, input.scrollWidth, input.clientWidth];
    input.value = before;
    return measured;
  });
  assert.ok(hint.startsWith('Search') && room > 0, `"${hint}" in a box ${room} px wide`);
  assert.ok(wide <= room, `the hint "${hint}" needs ${wide} px in a box ${room} px wide`);
}

async function openApp(viewport) {
  const opened = await openPage(browser, new URL(server.url).origin, viewport);
  await opened.page.goto(server.url);
  await ready(opened.page);
  return opened;
}


describe('PaperSift on the embedded default feed', () => {
  test('shows the latest day of the shipped snapshot, with no console errors', async () => {
    const { context, page, problems } = await openApp();
    const expected = onDay(latestDay);
    assert.ok(expected.length > 0);
    assert.equal(await statusText(page), plural(expected.length));
    await cardsDrawn(page, expected.length);
    assert.equal(await page.locator('article').count(), expected.length);
    assert.equal(await page.locator('article h3').count(), expected.length);
    const [y, m, d] = latestDay.split('-').map(Number);
    const label = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
      day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC',
    });
    assert.match(await page.locator('.period-label').innerText(), new RegExp(label));
    const firstHref = await page.locator('article .paper-links a').first().getAttribute('href');
    assert.match(firstHref, /^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/);
    // The title opens the paper view (its link is the app's own address for it).
    assert.match(await page.locator('article h3 a').first().getAttribute('href'), /^\?paper=\d{4}\.\d{4,5}$/);
    await hintFits(page);
    await page.screenshot({ path: `${OUT}/default-desktop.png`, fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('is readable on a 360 px phone and a tablet', async () => {
    const { context, page, problems } = await openApp({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    await hintFits(page);
    await page.screenshot({ path: `${OUT}/default-phone.png` });
    // And on a tablet held upright.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.reload();
    await ready(page);
    await hintFits(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('period navigation walks Daily, Weekly and All', async () => {
    const { context, page, problems } = await openApp();
    await page.getByRole('button', { name: 'Weekly' }).click();
    assert.equal(await statusText(page), plural(inWeekOf(latestDay).length));
    await page.getByRole('button', { name: 'Previous week' }).click();
    const weekBefore = new Date(`${latestDay}T00:00:00Z`);
    weekBefore.setUTCDate(weekBefore.getUTCDate() - 7);
    assert.equal(await statusText(page), plural(inWeekOf(weekBefore.toISOString().slice(0, 10)).length));
    await page.getByRole('button', { name: 'All' }).click();
    assert.equal(await statusText(page), plural(papers.length));
    await page.getByRole('button', { name: 'Daily' }).click();
    assert.equal(await statusText(page), plural(onDay(latestDay).length));
    assert.ok(await page.getByRole('button', { name: 'Next day' }).isDisabled());
    await page.getByRole('button', { name: 'Previous day' }).click();
    const days = [...new Set(papers.map((p) => p.listed))].sort();
    assert.equal(await statusText(page), plural(onDay(days.at(-2)).length));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('h and l step to the previous and next period, as the arrows beside its date do', async () => {
    const { context, page, problems } = await openApp();
    const label = page.locator('.period-label');
    const days = [...new Set(papers.map((p) => p.listed))].sort();
    const shown = await label.innerText();
    await page.keyboard.press('h');
    await page.waitForFunction((before) => document.querySelector('.period-label')?.textContent !== before, shown);
    assert.equal(await statusText(page), plural(onDay(days.at(-2)).length));
    assert.equal(new URL(page.url()).searchParams.get('date'), days.at(-2));
    await page.keyboard.press('l');
    await page.waitForFunction((before) => document.querySelector('.period-label')?.textContent === before, shown);
    assert.equal(await statusText(page), plural(onDay(latestDay).length));
    // The latest period has no next one: l does nothing.
    await page.keyboard.press('l');
    assert.equal(await label.innerText(), shown);
    // Typed into the search box, h is a letter.
    await page.getByRole('searchbox', { name: 'Search papers' }).press('h');
    assert.equal(await label.innerText(), shown);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typing narrows the list and clearing restores it', async () => {
    const { context, page, problems } = await openApp();
    const day = onDay(latestDay);
    // A long title word found (as a substring) in exactly one paper of the day: the engine
    // matches it by stem and prefix, which cannot reach a paper without the substring.
    const query = day
      .flatMap((p) => p.title.split(/[^A-Za-z]+/))
      .find((w) => w.length >= 7 && matching(day, w).length === 1);
    assert.ok(query, 'the fixture day has a distinctive word');
    const search = page.getByRole('searchbox', { name: 'Search papers' });
    await search.fill(query.toUpperCase());
    assert.equal(await statusText(page), plural(1));
    assert.equal(await page.locator('article').count(), 1);
    assert.equal(await page.locator('article h3').textContent(), matching(day, query)[0].title);
    assert.match((await page.locator('article h3 mark').allTextContents()).join(' ').toLowerCase(), new RegExp(query.toLowerCase()));
    // Excluding it leaves the rest of the day.
    await search.fill(`-${query}`);
    assert.equal(await statusText(page), plural(day.length - 1));
    await search.fill('');
    assert.equal(await statusText(page), plural(day.length));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('typing redraws only the cards near the screen; the rest of the page follows a pause', async () => {
    const { context, page, problems } = await openApp();
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await listDrawn(page);
    assert.equal(await page.locator('article').count(), 50);
    await page.getByRole('searchbox', { name: 'Search papers' }).pressSequentially('learning', { delay: 30 });
    await page.waitForURL(/q=learning/);
    // Some frames later, still within the pause: the cards near the screen are drawn, no more.
    await frames(page, 10);
    const right = await page.evaluate(() => {
      const list = document.querySelector('ol.papers');
      const last = list.lastElementChild;
      return { busy: list.getAttribute('aria-busy'), cards: list.children.length, covered: last.getBoundingClientRect().bottom >= innerHeight };
    });
    assert.equal(right.busy, 'true');
    assert.ok(right.cards < 50, `${right.cards} cards drawn while typing`);
    assert.ok(right.covered, 'the cards drawn reach below the screen');
    assert.ok(parseInt(await statusText(page), 10) > 50, 'a query matching more than a page');
    await listDrawn(page);
    assert.equal(await page.locator('article').count(), 50);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('broken query syntax still searches, with a hint; long lists grow page by page, 50 cards on the page at most', async () => {
    const { context, page, problems } = await openApp();
    const search = page.getByRole('searchbox', { name: 'Search papers' });
    await search.fill('(language models');
    await page.locator('.hint', { hasText: 'searched as plain words' }).waitFor();
    assert.match(await statusText(page), /^\d+ papers?$/);
    await search.fill('');
    await page.getByRole('button', { name: 'All', exact: true }).click();
    assert.equal(await statusText(page), plural(papers.length));
    await cardsDrawn(page, 50);
    assert.equal(await page.locator('article').count(), 50);
    const ids = () => page.locator('article').evaluateAll((els) => els.map((e) => e.dataset.paperId));
    const firstPage = await ids();
    const first = firstPage[0];
    await page.getByRole('button', { name: /^Show 50 more/ }).click();
    // The next papers arrive at the bottom as the reader scrolls down; the first ones leave
    // the page and a spacer keeps their place.
    const spacer = () => page.locator('.rows-above').evaluate((e) => e.getBoundingClientRect().height);
    const fresh = async () => (await ids()).filter((id) => !firstPage.includes(id)).length;
    for (let i = 0; i < 50 && (await fresh()) < 50; i++) {
      await page.mouse.wheel(0, 2000);
      await frames(page, 2);
      assert.ok((await ids()).length <= 50);
    }
    assert.equal(await fresh(), 50, 'the 51st to 100th papers are drawn');
    assert.ok((await spacer()) > 0);
    assert.equal(await page.getByRole('button', { name: /^Show 50 more/ }).count(), 1);
    // Back at the top, the first papers are drawn again and the spacer is gone.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(`article[data-paper-id="${first}"]`).waitFor();
    await page.waitForFunction(() => document.querySelector('.rows-above').getBoundingClientRect().height === 0);
    assert.equal(await spacer(), 0);
    assert.ok((await page.locator('article').count()) <= 50);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a keyboard-only session: search, move between papers, save, mark read, see the shortcuts', async () => {
    const { context, page, problems } = await openApp();
    const cards = page.locator('article');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Search papers');
    await page.keyboard.type('model');
    await page.keyboard.press('Escape');
    // The engine's answer is on the page once the list is no longer busy.
    await listDrawn(page);
    const shown = Number((await statusText(page)).split(' ')[0]);
    assert.ok(shown >= 2, 'the search leaves several papers');
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('article')), true);
    await page.keyboard.press('s');
    await cards.nth(0).getByRole('button', { name: 'Saved', pressed: true }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    // The paper shows as read (its title greys).
    await page.waitForFunction(() => document.querySelectorAll('article')[1].classList.contains('is-read'));
    await page.keyboard.press('k');
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('article')), true);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    assert.match(await help.innerText(), /next \/ previous paper/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    // Tab walks into the focused card's controls.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('article') === document.querySelector('article')), true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('sorting by most upvoted puts the top paper first', async () => {
    const { context, page, problems } = await openApp();
    const top = [...onDay(latestDay)].sort(
      (a, b) => (b.upvotes ?? 0) - (a.upvotes ?? 0) || (b.comments ?? 0) - (a.comments ?? 0) || (a.id < b.id ? -1 : 1),
    )[0];
    await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Most upvoted' });
    assert.equal(await page.locator('article h3').first().textContent(), top.title);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a card shows the AI summary; the abstract unfolds in place and folds again', async () => {
    const { context, page } = await openApp();
    const paper = onDay(latestDay).find((p) => p.ai_summary && p.abstract);
    const card = page.locator(`article[data-paper-id="${paper.id}"]`);
    assert.equal(await card.locator('.paper-summary').textContent(), paper.ai_summary);
    assert.equal(await card.locator('.paper-abstract').count(), 0, 'folded: no abstract on the page');
    await card.getByRole('button', { name: 'Abstract' }).click();
    const fold = card.getByRole('button', { name: 'Hide abstract' });
    assert.equal(await fold.getAttribute('aria-expanded'), 'true');
    const whole = await card.locator('.paper-abstract').textContent();
    assert.ok(whole.startsWith(paper.abstract.slice(0, 40)) && whole.length > paper.ai_summary.length, whole);
    await fold.click();
    assert.equal(await card.locator('.paper-abstract').count(), 0);
    await context.close();
  });

  test('a first visit shows the build\'s first rows before the app runs, and the app takes over with the same', async () => {
    const opened = await openPage(browser, new URL(server.url).origin, { width: 412, height: 823 }, { serviceWorkers: 'block' });
    const { context, page, problems } = opened;
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // The wasm is held back: what shows meanwhile is the page as built.
    let release;
    const released = new Promise((r) => { release = r; });
    await page.route('**/*_bg.wasm', async (route) => { await released; await route.continue(); });
    await page.goto(server.url);
    const preview = page.locator('#prerender');
    await preview.locator('article').first().waitFor();
    const shown = await preview.locator('article h3').allInnerTexts();
    assert.equal(shown.length, 4);
    assert.equal(await preview.getAttribute('inert'), '');
    // A picture announces nothing and holds no ids the app's own page also has.
    assert.equal(await preview.locator('[role=status], [aria-live], [id]').count(), 0);
    assert.equal(await page.getByRole('status').count(), 0);
    const expected = onDay(latestDay);
    assert.equal(await preview.locator('p.status').innerText(), plural(expected.length));
    release();
    await ready(page);
    await listDrawn(page);
    assert.deepEqual(await page.locator('article h3').evaluateAll((h) => h.slice(0, 4).map((e) => e.innerText)), shown);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);

    // A link that carries a view of its own never shows the default one, not even for a moment.
    const held = await context.newPage();
    await held.route('**/*_bg.wasm', () => {});
    await held.goto(`${server.url}?q=diffusion`);
    assert.equal(await held.locator('#prerender').count(), 0);
    assert.equal(await held.locator('article').count(), 0);
    await context.close();
  });

  test('the app takes over from the build\'s first rows without laying the page out for its script', async () => {
    // Reading a position (scrollY, a bounding box) while the page has changed lays it out
    // there and then. Done while the build's copy of the first rows is still up, it lays out
    // a page about to change (the copy gives way in the same task), and the frame lays it out
    // again (docs/performance.md, session 22).
    const { context, page, problems } = await openPage(browser, new URL(server.url).origin, { width: 412, height: 823 }, { serviceWorkers: 'block', isMobile: true });
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const copy = document.getElementById('prerender');
        new MutationObserver((_, observer) => {
          if (!copy.isConnected) {
            performance.mark('copy-removed');
            observer.disconnect();
          }
        }).observe(document.body, { childList: true });
      });
    });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'blink.user_timing'] });
    await page.goto(server.url);
    // Not Playwright's own waiting while the copy is up: it measures elements to know whether
    // they are visible, which lays the page out too.
    await page.waitForFunction(() => !document.getElementById('prerender'));
    await ready(page);
    await listDrawn(page);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const removed = events.find((e) => e.name === 'copy-removed');
    assert.ok(removed, 'the copy was removed');
    const forced = events
      .filter((e) => ['Layout', 'UpdateLayoutTree'].includes(e.name) && e.ts < removed.ts)
      .map((e) => (e.args?.beginData ?? e.args?.data)?.stackTrace)
      // The app's own code (its wasm and their glue), not this test's or Playwright's.
      .filter((stack) => stack?.some((f) => f.url?.startsWith(new URL(server.url).origin)))
      .map((stack) => stack.slice(0, 4).map((f) => f.functionName).join(' < '));
    assert.deepEqual(forced, [], 'layouts the script asked for while the copy was up');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the engine worker starts once the build\'s first rows are painted, from the page\'s module', async () => {
    // Started from the page's head, the worker took in its module while the app mounted, and on
    // two cores that doubled the mount's task (docs/performance.md, session 23).
    const { context, page, problems } = await openPage(browser, new URL(server.url).origin, { width: 412, height: 823 }, { serviceWorkers: 'block' });
    await page.addInitScript(() => {
      window.workerStarts = [];
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args) {
          super(...args);
          window.workerStarts.push({
            parsed: document.readyState !== 'loading',
            painted: performance.getEntriesByName('first-contentful-paint').length > 0,
          });
        }
      };
    });
    await page.goto(server.url);
    await ready(page);
    assert.deepEqual(await page.evaluate(() => window.workerStarts), [{ parsed: true, painted: true }]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the page and its engine hand each other their messages as bytes, not as text to copy', async () => {
    // A string is copied into the page's wasm a character at a time in JavaScript, 6 ms for a
    // first screen before V8 has optimized that loop (docs/performance.md, session 23).
    const { context, page, problems } = await openPage(browser, new URL(server.url).origin);
    await page.addInitScript(() => {
      const seen = { received: [], sent: [] };
      window.seenMessages = seen;
      const describe = (head) => (head instanceof Uint8Array ? 'bytes' : typeof head);
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (message, ...rest) {
        post.call(this, message, ...rest);
        // A buffer handed over is detached from this side once posted.
        seen.sent.push(`${describe(message[0])}${message[0]?.byteLength === 0 ? ', handed over' : ''}`);
      };
      const Original = window.Worker;
      window.Worker = class extends Original {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', ({ data }) => seen.received.push(describe(data[0])));
        }
      };
    });
    await page.goto(server.url);
    await ready(page);
    const { received, sent } = await page.evaluate(() => window.seenMessages);
    assert.ok(received.length >= 3 && sent.length >= 3, `received ${received.length}, sent ${sent.length}`);
    assert.deepEqual([...new Set(received)], ['bytes']);
    assert.deepEqual([...new Set(sent)], ['bytes, handed over']);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a failed feed shows a clear error, and retry recovers', async () => {
    // page.route does not see a service worker's fetches: without one, the failure is certain.
    const opened = await openPage(browser, new URL(server.url).origin, undefined, { serviceWorkers: 'block' });
    const { context, page } = opened;
    await page.route('**/feeds/default.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /503/);
    await page.unroute('**/feeds/default.json');
    await page.getByRole('button', { name: 'Try again' }).click();
    await ready(page);
    assert.equal(await statusText(page), plural(onDay(latestDay).length));
    assert.deepEqual(opened.problems.filter((p) => p.startsWith('pageerror')), []);
    await context.close();
  });
});
