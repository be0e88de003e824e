// End-to-end: the URL carries the whole view; links reproduce it; Back/Forward walk through views.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { launch, listDrawn, openPage, ready, menuItem, openSettings, openFilters, writesSettled, statusText } from './browser.mjs';
import { latestDay, onDay, papers } from './feed.mjs';
import { serveStatic } from './server.mjs';

const DIST = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

let app;
let browser;

before(async () => {
  app = await serveStatic(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

async function open(url, options = {}) {
  const opened = await openPage(browser, new URL(app.url).origin);
  if (options.clipboard) {
    await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  }
  await opened.page.goto(url);
  await ready(opened.page);
  return opened;
}

const titles = async (page) => {
  await listDrawn(page);
  return page.locator('article h3').allTextContents();
};
const search = (page) => page.getByRole('searchbox', { name: 'Search papers' });
const sortSelect = (page) => page.getByRole('combobox', { name: 'Sort' });

describe('links', () => {
  test('a copied link opens the identical ordered list in a fresh browser profile', async () => {
    const a = await open(app.url, { clipboard: true });
    await a.page.getByRole('button', { name: 'Weekly' }).click();
    await a.page.getByRole('button', { name: 'Previous week' }).click();
    await sortSelect(a.page).selectOption({ label: 'Most upvoted' });
    await search(a.page).fill('model');
    const expected = await titles(a.page);
    assert.ok(expected.length > 1);
    await menuItem(a.page, 'Copy link');
    await a.page.getByText('Link copied').waitFor();
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /\?q=model&period=weekly&date=\d{4}-\d{2}-\d{2}&sort=votes$/);
    assert.deepEqual(a.problems, []);
    await a.context.close();

    const b = await open(link);
    assert.deepEqual(await titles(b.page), expected);
    assert.equal(await search(b.page).inputValue(), 'model');
    assert.equal(await sortSelect(b.page).inputValue(), 'votes');
    await b.context.close();
  });

  test('saved defaults apply when a link names no order or period; the link wins; copied links spell them out', async () => {
    const a = await open(app.url, { clipboard: true });
    await openSettings(a.page);
    await a.page.getByText('Display and defaults', { exact: true }).click();
    await a.page.getByRole('combobox', { name: 'Default order' }).selectOption({ label: 'Most upvoted' });
    await a.page.getByRole('combobox', { name: 'Default period' }).selectOption({ label: 'Weekly' });
    await writesSettled(a.page);
    await a.page.goto(app.url);
    await a.page.getByRole('button', { name: 'Weekly', pressed: true }).waitFor();
    assert.equal(await sortSelect(a.page).inputValue(), 'votes');
    await menuItem(a.page, 'Copy link');
    await a.page.getByText('Link copied').waitFor();
    assert.match(await a.page.evaluate(() => navigator.clipboard.readText()), /\?period=weekly&sort=votes$/);
    // A link's own choice beats the saved default, even when it is the built-in one.
    await a.page.goto(`${app.url}?period=daily`);
    await a.page.getByRole('button', { name: 'Daily', pressed: true }).waitFor();
    assert.equal(await statusText(a.page), `${onDay(latestDay).length} papers`);
    assert.deepEqual(a.problems, []);
    await a.context.close();
  });

  test('a paper opens in the paper view, its link reproduces it, and closing keeps the list where it was', async () => {
    const a = await open(app.url, { clipboard: true });
    const third = a.page.locator('article').nth(2);
    const title = await third.locator('h3').textContent();
    await third.locator('h3 a').click();
    const panel = a.page.getByRole('complementary', { name: 'Paper' });
    await panel.getByRole('heading', { level: 2, name: title }).waitFor();
    await a.page.waitForURL(/paper=/);
    assert.equal(await a.page.evaluate(() => document.activeElement.textContent), 'Close');
    await panel.getByRole('button', { name: 'Copy link' }).click();
    await a.page.getByText('Link copied').waitFor();
    const link = await a.page.evaluate(() => navigator.clipboard.readText());
    await a.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.doesNotMatch(a.page.url(), /paper=/);
    assert.deepEqual(a.problems, []);
    await a.context.close();

    const b = await open(link);
    await b.page.getByRole('complementary', { name: 'Paper' }).getByRole('heading', { level: 2, name: title }).waitFor();
    await b.page.getByRole('button', { name: 'Close' }).click();
    await b.page.getByRole('complementary', { name: 'Paper' }).waitFor({ state: 'detached' });
    await b.context.close();

    const c = await open(`${app.url}?paper=2601.00001`);
    await c.page.getByText('Paper not in the loaded feeds').waitFor();
    assert.equal(await c.page.getByRole('link', { name: 'Open it on arXiv' }).getAttribute('href'), 'https://arxiv.org/abs/2601.00001');
    await c.context.close();
  });

  test('coming back to the page (Back from another page, a reload) returns to the paper the reader had reached', async () => {
    // A second source, whose one paper is drawn while the built-in feed is held back below.
    const extra = { version: 'https://jsonfeed.org/version/1.1', items: [{ id: 'https://arxiv.org/abs/2608.99999', title: 'Extra Paper About Quokkas', date_published: `${latestDay}T09:00:00Z` }] };
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    await context.route('**/extra.json', (route) => route.fulfill({ json: extra, headers: { 'access-control-allow-origin': '*' } }));
    await page.goto(`${app.url}?period=all&feed=${encodeURIComponent(`${app.url}extra.json`)}`);
    await ready(page);
    await listDrawn(page);
    assert.ok(await page.locator('ol.papers article').count() >= 30, 'the check needs a long list');
    // The paper first on screen, and its card's top.
    const reached = () => page.evaluate(() => {
      const card = [...document.querySelectorAll('ol.papers article')].find((c) => c.getBoundingClientRect().bottom > 0);
      return { id: card.dataset.paperId, top: Math.round(card.getBoundingClientRect().top) };
    });
    const scrollTo = async (y) => {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      const left = await reached();
      // The app keeps the place in the history entry once scrolling settles.
      await page.waitForFunction((id) => history.state?.papersiftPlace?.paper === id, left.id);
      return left;
    };
    const returned = (how, left) => page.waitForFunction(({ id, top }) => {
      const card = document.querySelector(`ol.papers:not([aria-busy]) article[data-paper-id="${id}"]`);
      return card && Math.abs(card.getBoundingClientRect().top - top) <= 2;
    }, left, { timeout: 10_000 }).catch(async () => assert.fail(`${how}: ${JSON.stringify(await reached())}, not ${JSON.stringify(left)}`));

    let left = await scrollTo(2500);
    await page.reload();
    await ready(page);
    await returned('reload', left);
    // Returned, the list still follows what the reader asks for.
    const all = await statusText(page);
    await search(page).fill('agents');
    await page.waitForURL(/q=agents/);
    assert.notEqual(await statusText(page), all);
    await search(page).fill('');
    await page.waitForURL((url) => !url.search.includes('q='));
    assert.equal(await statusText(page), all);
    await listDrawn(page);
    left = await scrollTo(5000);
    await page.goto(`${app.url}manifest.webmanifest`);
    await page.goBack();
    await ready(page);
    await returned('Back', left);
    // Left again before the list is back at the place (its feed held back), the page keeps
    // the place it has yet to return to, not the top of a list not drawn yet.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/feeds/default.json', async (route) => {
      await held;
      await route.continue().catch(() => {}); // the page that asked for it may be gone
    });
    await page.reload();
    await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).waitFor();
    await page.goto(`${app.url}manifest.webmanifest`);
    release();
    await page.goBack();
    await ready(page);
    await returned('Back before the return', left);
    // A paper past the first page ("Show more" pressed) is drawn again on the way back.
    const firstPage = await page.locator('ol.papers article').evaluateAll((cards) => cards.map((c) => c.dataset.paperId));
    await page.locator('.show-more').click();
    await page.waitForFunction((firstPage) => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const card = [...document.querySelectorAll('ol.papers:not([aria-busy]) article')].find((c) => c.getBoundingClientRect().bottom > 0);
      return card && !firstPage.includes(card.dataset.paperId);
    }, firstPage, { polling: 100 });
    left = await reached();
    await page.waitForFunction((id) => history.state?.papersiftPlace?.paper === id, left.id);
    await page.reload();
    await ready(page);
    await returned('reload past the first page', left);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Back from another page brings the page back from the back/forward cache, as it was left', async () => {
    // Browsers keep a page left for another in memory, unless something in it forbids that
    // (an unload handler, an open connection, a message arriving meanwhile): then Back loads
    // it again, and only the place kept in its history entry (the test above) survives.
    const cached = await launch([], { bfcache: true });
    try {
      const page = await (await cached.newContext()).newPage();
      await page.addInitScript(() => addEventListener('pageshow', (e) => { window.restored = e.persisted; }));
      await page.goto(`${app.url}?period=all`);
      await ready(page);
      const search = page.getByRole('searchbox', { name: 'Search papers' });
      await search.fill('diffusion');
      await page.waitForURL(/q=diffusion/);
      await listDrawn(page);
      await writesSettled(page);
      await page.evaluate(() => window.scrollTo(0, 400));
      await page.goto(`${app.url}manifest.webmanifest`);
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForFunction(() => window.restored === true, null, { timeout: 10_000 })
        .catch(() => assert.fail('Back loaded the page again instead of restoring it'));
      assert.equal(await search.inputValue(), 'diffusion');
      assert.equal(await page.evaluate(() => Math.round(window.scrollY)), 400);
    } finally {
      await cached.close();
    }
  });

  test('a custom date range spans periods and lives in the link', async () => {
    const to = latestDay;
    const start = new Date(`${latestDay}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() - 9);
    const from = start.toISOString().slice(0, 10);
    const expected = papers.filter((p) => p.listed >= from && p.listed <= to).length;
    const { context, page, problems } = await open(`${app.url}?from=${from}&to=${to}`);
    await page.getByRole('status').filter({ hasText: `${expected} papers` }).waitFor();
    // The range shows as chips; its fields are in the Filters panel.
    await page.getByRole('button', { name: /^Remove filter: From/ }).waitFor();
    await openFilters(page);
    assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), from);
    await page.getByLabel('From', { exact: true }).fill(to);
    await page.getByRole('status').filter({ hasText: `${onDay(latestDay).length} papers` }).waitFor();
    await page.waitForURL(new RegExp(`from=${to}&to=${to}`));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Back and Forward restore previous views; typing does not add history entries', async () => {
    const { context, page } = await open(app.url);
    await page.getByRole('button', { name: 'Weekly' }).click();
    await sortSelect(page).selectOption({ label: 'Most upvoted' });
    await search(page).fill('a');
    await search(page).fill('ag');
    await search(page).fill('agent');
    await page.waitForURL(/q=agent/);
    const agentWeek = await titles(page);

    await page.goBack();
    await page.waitForURL(/\?period=weekly$/);
    assert.equal(await search(page).inputValue(), '');
    assert.equal(await sortSelect(page).inputValue(), 'trending');
    assert.equal(await page.getByRole('button', { name: 'Weekly' }).getAttribute('aria-pressed'), 'true');

    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    assert.equal(await statusText(page), `${onDay(latestDay).length} papers`);

    await page.goForward();
    await page.goForward();
    await page.waitForURL(/q=agent/);
    assert.deepEqual(await titles(page), agentWeek);
    await context.close();
  });

  test('a tampered link opens with a notice and no crash', async () => {
    const junk = `?sort=%00&votes=-5${'&q='.repeat(1000)}&period=weekly`;
    const { context, page, problems } = await open(`${app.url}${junk}`);
    assert.match(await page.locator('.notice').first().innerText(), /Part of this link was ignored: sort \(not a known order\)/);
    assert.equal(await page.getByRole('button', { name: 'Weekly' }).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), []);
    await context.close();
  });
});
