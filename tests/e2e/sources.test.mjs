// End-to-end: extra sources from feed= parameters, merged, and hostile or broken ones.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { cardsDrawn, launch, listDrawn, openPage, ready, openSettings, frames, writesSettled, statusText } from './browser.mjs';
import { SLOW_EARLY, SLOW_REST, shippedPapers, startFeedServer } from './feed-server.mjs';
import { latestDay, onDay, papers } from './feed.mjs';
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

const withFeeds = (...paths) =>
  `${app.url}?${paths.map((p) => `feed=${encodeURIComponent(`${feeds.origin}${p}`)}`).join('&')}`;

async function open(url) {
  const opened = await openPage(browser, new URL(app.url).origin);
  opened.dialogs = [];
  opened.page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    d.dismiss();
  });
  await opened.page.goto(url);
  await ready(opened.page);
  return opened;
}

describe('feed sources', () => {
  test('valid, hostile, truncated and CORS-less feeds: merged, inert, and named errors', async () => {
    const { context, page, dialogs } = await open(withFeeds('/valid.json', '/hostile.json', '/truncated.json', '/nocors.json'));
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'truncated.json' }).filter({ hasText: 'nocors.json' }).waitFor();
    const alertText = await alert.innerText();
    assert.match(alertText, /2 sources could not be refreshed/);
    assert.match(alertText, /truncated\.json: the feed is not valid JSON/);
    assert.match(alertText, /nocors\.json does not allow other websites to read it \(it sends no CORS header\)/);
    // (a) one new paper and one merged, (b) one hostile item, on top of the day's papers.
    // Sources arrive in any order; wait for all of them.
    const expected = onDay(latestDay).length + 2;
    await page.getByRole('status').filter({ hasText: `${expected} papers` }).waitFor();
    // The count shows before the list is redrawn in parts: wait for the whole of it.
    await listDrawn(page);
    const merged = page.locator('article', { hasText: onDay(latestDay)[0].title });
    assert.equal(await merged.count(), 1);
    assert.match(await merged.textContent(), /127\.0\.0\.1:\d+\/valid\.json/);
    // (b) markup shows as text; no script ran, no dialog opened, no unsafe link exists.
    const hostile = page.locator('article', { hasText: 'Hostile title' });
    assert.match(await hostile.locator('h3').textContent(), /^<img src=x onerror="window.__pwned=1;alert\(1\)">Hostile title$/);
    // The card's own icons aside (inline SVG of the app, not of the feed).
    assert.equal(await hostile.locator('img, script, svg:not(.icon), b').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"], a[href^="data:"]').count(), 0);
    await frames(page, 3);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  test('a source that never answers does not hold back the others, then times out', async () => {
    const { context, page } = await open(withFeeds('/silent.json'));
    assert.equal(await statusText(page), `${onDay(latestDay).length} papers`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.innerText(), /silent\.json did not answer within 20 s/);
    assert.equal(await statusText(page), `${onDay(latestDay).length} papers`);
    await context.close();
  });

  test('a source that breaks after a good load keeps its last good copy', async () => {
    const url = withFeeds('/flaky.json');
    const { context, page } = await open(url);
    await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).waitFor();
    await page.reload();
    await ready(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /flaky\.json: the feed is not valid JSON.*Showing the copy kept on this device, as of \d+ \w+ \d{4}/s);
    await listDrawn(page);
    assert.equal(await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).count(), 1);
    await context.close();
  });

  test('a dated source (like Hugging Face live) is fetched for the days shown', async () => {
    const { context, page } = await open(withFeeds('/daily?date={date}'));
    // Today is always fetched, and the view follows the newest day it brings.
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('article', { hasText: `Live paper of ${today}` }).waitFor();
    assert.ok(feeds.requests.includes(`/daily?date=${latestDay}`), 'the day first shown was fetched');
    await page.getByRole('button', { name: 'Previous day' }).click();
    await page.locator('article', { hasText: `Live paper of ${latestDay}` }).waitFor();
    assert.equal(await statusText(page), `${onDay(latestDay).length + 1} papers`);
    await page.getByRole('button', { name: 'Weekly' }).click();
    // The week holds more papers than one page shows: narrow to the live source's.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('author:"Live Author"');
    // Every day of the week is asked for, and each day's paper joins the list.
    const monday = new Date(`${latestDay}T00:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    for (let i = 0; i < 7; i += 1) {
      const day = new Date(monday);
      day.setUTCDate(monday.getUTCDate() + i);
      const date = day.toISOString().slice(0, 10);
      await page.locator('article', { hasText: `Live paper of ${date}` }).waitFor();
    }
    await openSettings(page);
    await page.getByText('Sources (2)').click();
    assert.match(await page.locator('.source', { hasText: '/daily' }).innerText(), /\d+ papers from \d+ days/);
    await context.close();
  });

  test('a followed topic persists, runs its search in one click, and counts papers new since the last visit', async () => {
    const { context, page } = await open(withFeeds('/daily?date={date}'));
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('article', { hasText: `Live paper of ${today}` }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Search papers' });
    await search.fill('author:"Live Author"');
    await page.getByRole('button', { name: '☆ Follow this search' }).click();
    await page.getByRole('button', { name: '★ Following this search', pressed: true }).waitFor();
    await writesSettled(page);
    // The second visit: the live paper listed today is new since the first.
    await page.goto(withFeeds('/daily?date={date}'));
    const topic = page.getByRole('navigation', { name: 'Followed topics' }).getByRole('button', { name: /^author:"Live Author"/ });
    await topic.getByText('1 new').waitFor();
    assert.equal(await search.inputValue(), '');
    await topic.click();
    assert.equal(await search.inputValue(), 'author:"Live Author"');
    assert.equal(await statusText(page), '1 paper');
    await openSettings(page);
    await page.getByText('Followed topics (1)').click();
    await page.getByRole('button', { name: 'Unfollow' }).click();
    await page.getByText('Followed topics (0)').waitFor();
    await context.close();
  });

  test('a feed of thousands of papers is indexed in steps and searchable', async () => {
    const { context, page, problems } = await open(withFeeds('/big.json'));
    const foreign = (p) => p.startsWith('foreign request:');
    const total = 6000 + onDay(latestDay).length;
    await page.getByRole('status').filter({ hasText: `${total} papers` }).waitFor();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('wombats');
    assert.equal(await statusText(page), '2000 papers');
    await cardsDrawn(page, 50);
    assert.equal(await page.locator('article').count(), 50);
    assert.deepEqual(problems.filter((p) => !foreign(p)), []);
    await context.close();
  });

  test('a large feed shows its newest day before the rest has arrived', async () => {
    const { context, page } = await openPage(browser, new URL(app.url).origin);
    await page.goto(withFeeds('/slow.json'));
    // The server holds the rest of the body: what is on screen was decoded from the first part.
    await page.getByRole('status').filter({ hasText: `${SLOW_EARLY} papers` }).waitFor();
    await cardsDrawn(page, 5);
    assert.match(await page.locator('article').first().textContent(), /Early paper \d+/);
    assert.equal(await page.locator('.loading-more').count(), 1);
    await openSettings(page);
    await page.getByText(/^Sources \(/).click();
    await page.getByText(`Loading… ${SLOW_EARLY} papers so far`).waitFor();
    await fetch(`${feeds.origin}/release-slow`);
    await page.getByText(new RegExp(`^${SLOW_EARLY + SLOW_REST} papers`)).waitFor();
    await page.locator('.loading-more').waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: `${SLOW_EARLY} papers` }).waitFor();
    await context.close();
  });

  test('the view follows the latest day while sources arrive', async () => {
    const opened = await openPage(browser, new URL(app.url).origin);
    const { context, page } = opened;
    // The built-in feed arrives last, held until the view shows a source whose only paper is
    // months older (released on the app's own count, not after a guessed time). Held for the
    // whole context: once the service worker has claimed the page, the engine worker's fetch
    // goes through it, and a page's route does not see that (2 of 10 runs got past one).
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await context.route('**/feeds/default.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(withFeeds('/old.json'));
    await page.getByRole('status').filter({ hasText: '1 paper' }).waitFor();
    release();
    await page.getByRole('status').filter({ hasText: `${onDay(latestDay).length} papers` }).waitFor();
    await context.close();
  });

  test('a tampered link loads what it can and says what it ignored', async () => {
    const junk = Array.from({ length: 200 }, () => 'feed=javascript%3Aalert(1)&feed=%00').join('&');
    const { context, page, dialogs } = await open(`${app.url}?${junk}&feed=${encodeURIComponent(`${feeds.origin}/valid.json`)}`);
    await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).waitFor();
    assert.match(await page.locator('.notice').first().innerText(), /Part of this link was ignored: feed \(not usable web addresses, repeated, or more than 10\)/);
    assert.deepEqual(dialogs, []);
    await context.close();
  });
});

describe('a feed that ships its search index', () => {
  // The same 120 papers: with their index, without one, and with a damaged one.
  const all = (path, q) => `${withFeeds(path)}&period=all&q=${encodeURIComponent(q)}`;
  const results = async (page) => ({
    status: await statusText(page),
    titles: await page.locator('article .paper-title').allInnerTexts(),
  });
  const QUERIES = ['language models', 'robot*', '"large language"', 'learning -reinforcement'];
  /**
   * The results of two pages once each has drawn the list for its query: the address bar
   * carries the query (written after the new list's first paint), then the list is whole.
   */
  async function settled(a, b) {
    for (const page of [a, b]) {
      const q = await page.getByRole('searchbox').inputValue();
      await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === (q || null), q);
      await listDrawn(page);
    }
    return [await results(a), await results(b)];
  }

  test('is used instead of indexing, and searches as indexing here would', async () => {
    const { context, page } = await open(all('/shipped/listing.json', ''));
    await page.getByRole('status').filter({ hasText: `${papers.length + shippedPapers.length} papers` }).waitFor();
    await openSettings(page);
    await page.getByText('Sources (2)').click();
    await page.getByText(`${shippedPapers.length} papers`).filter({ hasText: 'search index from the feed' }).waitFor();
    const plain = await open(all('/plain.json', ''));
    for (const q of QUERIES) {
      for (const p of [page, plain.page]) {
        await p.getByRole('searchbox').fill(q);
        await p.locator('.loading-more').waitFor({ state: 'detached' });
      }
      const [shipped, here] = await settled(page, plain.page);
      assert.deepEqual(shipped, here, q);
      assert.match(shipped.status, /^\d+ papers?$/, q);
    }
    assert.ok(feeds.requests.includes('/shipped/listing.index'), 'the index is named relative to its feed');
    assert.equal(await plain.page.getByText('search index from the feed').count(), 0);
    await plain.context.close();
    await context.close();
  });

  test('a damaged one is not used: the papers are indexed here and the reader is told', async () => {
    const { context, page } = await open(all('/damaged.json', '"large language"'));
    await page.getByText(/its search index was not used \(the index file is damaged \(cut short\)\), so it is indexed here/).waitFor();
    const plain = await open(all('/plain.json', '"large language"'));
    await plain.page.getByRole('status').filter({ hasText: /^[1-9]\d* papers?$/ }).waitFor();
    const [damaged, here] = await settled(page, plain.page);
    assert.deepEqual(damaged, here);
    await plain.context.close();
    await context.close();
  });
});

describe('the Sources panel', () => {
  test('a source added by the reader is kept, can be switched off, and removed', async () => {
    const { context, page } = await open(app.url);
    await openSettings(page);
    await page.getByText('Sources (1)').click();
    await page.getByLabel('Feed address').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add source' }).click();
    // The browser's own URL check or ours refuses it; nothing is added.
    assert.equal(await page.getByText('Sources (1)').count(), 1);
    await page.getByLabel('Feed address').fill(`${feeds.origin}/valid.json`);
    await page.getByLabel('Name (optional)').fill('Quokka lab');
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).waitFor();

    await page.reload();
    await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).waitFor();
    await openSettings(page);
    await page.getByText('Sources (2)').click();
    await page.getByRole('checkbox', { name: 'Load Quokka lab' }).uncheck();
    await page.locator('article', { hasText: 'Extra Paper About Quokkas' }).waitFor({ state: 'detached' });

    await page.reload();
    await ready(page);
    assert.equal(await statusText(page), `${onDay(latestDay).length} papers`);
    await openSettings(page);
    await page.getByText('Sources (2)').click();
    assert.equal(await page.getByRole('checkbox', { name: 'Load Quokka lab' }).isChecked(), false);
    await page.getByRole('button', { name: 'Remove' }).click();
    // Let the write land before the reload.
    await writesSettled(page);
    await page.reload();
    await ready(page);
    await openSettings(page);
    await page.getByText('Sources (1)').waitFor();
    await context.close();
  });

  test('switching every source off says so, and on again restores the list', async () => {
    const { context, page } = await open(app.url);
    await openSettings(page);
    await page.getByText('Sources (1)').click();
    const builtIn = page.getByRole('checkbox', { name: /Load Hugging Face Daily Papers/ });
    await builtIn.uncheck();
    await page.getByText('Every source is switched off').waitFor();
    await builtIn.check();
    await ready(page);
    assert.equal(await statusText(page), `${onDay(latestDay).length} papers`);
    await context.close();
  });
});
