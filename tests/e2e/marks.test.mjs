// End-to-end: saves, likes and read marks persist after reload; the Saved view lists saved papers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { launch, openPage, ready, menuItem, openSettings, cardAction, cardChecked, writesSettled, statusText } from './browser.mjs';
import { serveStatic } from './server.mjs';
import { latestDay, onDay } from './feed.mjs';

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

const card = (page, i) => page.locator('article').nth(i);

describe('marks', () => {
  test('save, like and mark read persist after reload, and Saved lists saved papers', async () => {
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    await page.goto(app.url);
    await ready(page);
    const first = await card(page, 0).locator('h3').textContent();
    const second = await card(page, 1).locator('h3').textContent();
    const save = card(page, 0).getByRole('button', { name: /^Save/ });
    assert.equal(await save.getAttribute('aria-pressed'), 'false');
    await save.click();
    assert.equal(await save.getAttribute('aria-pressed'), 'true');
    await cardAction(card(page, 1), 'Like');
    await cardAction(card(page, 1), 'Mark read');
    // Let the writes land before the reload.
    await writesSettled(page);

    await page.reload();
    await ready(page);
    const firstCard = page.locator('article', { hasText: first });
    const secondCard = page.locator('article', { hasText: second });
    await firstCard.getByRole('button', { name: /^Save/, pressed: true }).waitFor();
    assert.ok(await cardChecked(secondCard, 'Like'), 'liked after reload');
    assert.ok(await cardChecked(secondCard, 'Mark read'), 'read after reload');

    await menuItem(page, 'Saved papers');
    await page.waitForURL(/view=saved/);
    assert.equal(await statusText(page), '1 paper');
    assert.deepEqual(await page.locator('article h3').allTextContents(), [first]);
    await page.reload();
    await page.getByRole('status').filter({ hasText: '1 paper' }).waitFor();

    // Unsaving from the Saved view empties it.
    await page.locator('article').getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('status').filter({ hasText: '0 papers' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('backup', () => {
  test('export, then import into a fresh profile, restores saves, likes, sources and topics', async () => {
    const a = await openPage(browser, new URL(app.url).origin);
    await a.page.goto(app.url);
    await ready(a.page);
    const saved = await card(a.page, 2).locator('h3').textContent();
    const liked = await card(a.page, 3).locator('h3').textContent();
    await card(a.page, 2).getByRole('button', { name: /^Save/ }).click();
    await cardAction(card(a.page, 3), 'Like');
    await a.page.getByRole('searchbox', { name: 'Search papers' }).fill('agents');
    await a.page.getByRole('button', { name: '☆ Follow this search' }).click();
    await a.page.getByRole('searchbox', { name: 'Search papers' }).fill('');
    await openSettings(a.page);
    await a.page.getByText('Sources (1)').click();
    await a.page.getByLabel('Feed address').fill('https://lab.example/feed.json');
    await a.page.getByRole('button', { name: 'Add source' }).click();
    await a.page.getByText('Your data').click();
    const [download] = await Promise.all([
      a.page.waitForEvent('download'),
      a.page.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    // The download lives as long as its context: keep a copy.
    const file = fileURLToPath(new URL('./out/papersift-backup.json', import.meta.url));
    await download.saveAs(file);
    assert.equal(download.suggestedFilename(), 'papersift-backup.json');
    await a.context.close();

    const b = await openPage(browser, new URL(app.url).origin);
    await b.page.goto(app.url);
    await ready(b.page);
    await openSettings(b.page);
    await b.page.getByText('Your data').click();
    // A foreign file is refused and changes nothing.
    await b.page.getByLabel('Import backup').setInputFiles({
      name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"bookmarks":[]}'),
    });
    await b.page.getByText(/This file is not a PaperSift backup .*nothing was changed/).waitFor();
    await b.page.getByLabel('Import backup').setInputFiles(file);
    await b.page.getByText('Imported: 1 saved paper(s), 0 read mark(s), 1 like(s)/dislike(s), 0 tag(s), 0 note(s), 1 source(s), 1 topic(s), 0 mute(s). Nothing was removed.').waitFor();
    // The imported like, in the paper view: the source the import added fails meanwhile and
    // the list is redrawn, which would take a card's open menu with it.
    await b.page.locator('article', { hasText: liked }).locator('h3 a').click();
    await b.page.getByRole('complementary', { name: 'Paper' }).getByRole('button', { name: 'Like', exact: true, pressed: true }).waitFor();
    await b.page.keyboard.press('Escape');
    // Let the writes land before the reload.
    await writesSettled(b.page);
    await b.page.reload();
    await ready(b.page);
    await menuItem(b.page, 'Saved papers');
    assert.deepEqual(await b.page.locator('article h3').allTextContents(), [saved]);
    await openSettings(b.page);
    await b.page.getByText('Sources (2)').waitFor();
    await b.page.getByRole('navigation', { name: 'Followed topics' }).getByRole('button', { name: 'agents' }).waitFor();
    await b.context.close();
  });
});

describe('mutes', () => {
  test('muting an author or a word hides their papers, persists, and can be undone', async () => {
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    await page.goto(app.url);
    await ready(page);
    const day = onDay(latestDay);
    const shownFirst = await card(page, 0).locator('h3').textContent();
    const author = day.find((p) => p.title === shownFirst).authors[0];
    const byAuthor = day.filter((p) => (p.authors ?? []).some((a) => a.toLowerCase() === author.toLowerCase())).length;
    await cardAction(card(page, 0), 'Mute…');
    await card(page, 0).getByRole('button', { name: `Mute author ${author}` }).click();
    await page.getByRole('status').filter({ hasText: `${day.length - byAuthor} paper` }).waitFor();
    await writesSettled(page);
    await page.reload();
    await ready(page);
    assert.equal(await statusText(page), `${day.length - byAuthor} papers`);
    await openSettings(page);
    await page.getByText('Muted (1)').click();
    await page.getByRole('button', { name: `Unmute ${author}` }).click();
    await page.getByRole('status').filter({ hasText: `${day.length} papers` }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('tabs and storage limits', () => {
  test('a change in one tab shows up in another', async () => {
    const { context, page } = await openPage(browser, new URL(app.url).origin);
    const other = await context.newPage();
    await page.goto(app.url);
    await other.goto(app.url);
    await ready(page);
    await ready(other);
    const title = await card(page, 0).locator('h3').textContent();
    await card(page, 0).getByRole('button', { name: /^Save/ }).click();
    await other.locator('article', { hasText: title }).getByRole('button', { name: /^Save/, pressed: true }).waitFor();
    await openSettings(page);
    await page.getByText('Sources (1)').click();
    await page.getByLabel('Feed address').fill('https://lab.example/tabs.json');
    await page.getByRole('button', { name: 'Add source' }).click();
    await openSettings(other);
    await other.getByText('Sources (2)').waitFor();
    await context.close();
  });

  test('a full storage quota keeps the app working and says changes will not be kept', async () => {
    const { context, page } = await openPage(browser, new URL(app.url).origin);
    // Set the quota before the app creates its database (a page of the same origin first).
    await page.goto(`${app.url}blank`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url).origin, quotaSize: 1_000 });
    await page.goto(app.url);
    await ready(page);
    const save = card(page, 0).getByRole('button', { name: /^Save/ });
    await save.click();
    await page.getByText(/refused to store it \(its storage for this site is probably full\): this change is kept only until the page is closed/).waitFor();
    assert.equal(await save.getAttribute('aria-pressed'), 'true');
    await menuItem(page, 'Saved papers');
    assert.equal(await statusText(page), '1 paper');
    await context.close();
  });
});

describe('display', () => {
  test('dark theme and the Compact layout apply at once and persist as defaults', async () => {
    const { context, page } = await openPage(browser, new URL(app.url).origin);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(app.url);
    await ready(page);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), 'rgb(246, 247, 249)');
    await openSettings(page);
    await page.getByText('Display and defaults', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
    assert.equal(await background(), 'rgb(17, 19, 24)');
    await page.getByRole('group', { name: 'Layout' }).getByRole('button', { name: 'Compact' }).click();
    await page.locator('ol.papers[data-layout="compact"] article').first().waitFor();
    await page.waitForURL(/layout=compact/);
    await writesSettled(page);
    // The bare address: the saved defaults apply.
    await page.goto(app.url);
    await ready(page);
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(await background(), 'rgb(17, 19, 24)');
    await page.locator('ol.papers[data-layout="compact"] article').first().waitFor();
    await context.close();
  });
});
