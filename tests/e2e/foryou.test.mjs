// End-to-end: For you learns from saved papers on the device; similar papers; the digest.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { readFile } from 'node:fs/promises';

import { cardsDrawn, launch, listDrawn, openPage, ready, cardAction, statusText, writesSettled } from './browser.mjs';
import { startFeedServer } from './feed-server.mjs';
import { serveStatic } from './server.mjs';
import { latestDay, onDay } from './feed.mjs';

const DIST = process.env.DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

let app;
let browser;
let feeds;

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

// The app's day format (`calendar::short`; ICU's en-GB would write "Sept").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shortDay = (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

const withFeeds = (path) => `${app.url}?feed=${encodeURIComponent(`${feeds.origin}${path}`)}`;

async function downloaded(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

const robotic = (text) => /robot/i.test(text);

describe('for you', () => {
  test('saving papers on one topic puts that topic first, with reasons; similar papers', async () => {
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    await page.goto(`${app.url}?period=all&q=robot`);
    await ready(page);
    const saved = [];
    for (let i = 0; i < 4; i++) {
      const card = page.locator('article').nth(i);
      saved.push(await card.locator('h3').textContent());
      await card.getByRole('button', { name: /^Save/ }).click();
    }
    await writesSettled(page);
    await page.goto(`${app.url}?period=all&sort=foryou`);
    await ready(page);
    await page.getByText('Ranked by a model of your saved and liked papers').waitFor();
    const cards = page.locator('article');
    await cardsDrawn(page, 14);
    const texts = await cards.evaluateAll((els) => els.slice(0, 14).map((e) => e.textContent));
    const others = texts.filter((t) => !saved.some((s) => t.startsWith(s))).slice(0, 10);
    const onTopic = others.filter(robotic).length;
    // 32 of the 492 papers mention robots (6.5%): the model must do far better than chance.
    assert.ok(onTopic >= 6, `only ${onTopic} of the top 10 unsaved papers are about robots`);
    await cards.first().locator('.why').waitFor();
    await page.screenshot({ path: new URL('./out/for-you.png', import.meta.url).pathname });
    assert.match(await cards.nth(5).locator('.why').textContent(), /For you: (mentions|close to)/);

    // The scores are kept on the device: the next visit shows the same order at once.
    const top = await cards.evaluateAll((els) => els.slice(0, 8).map((e) => e.querySelector('h3').textContent));
    const kept = await page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('papersift');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('settings').objectStore('settings').get('foryou_scores');
        get.onsuccess = () => resolve(JSON.parse(get.result).scores.length);
      };
    }));
    assert.equal(kept, 492);
    await page.reload();
    await ready(page);
    await page.waitForFunction((first) => document.querySelector('article h3')?.textContent === first, top[0]);
    await listDrawn(page);
    assert.deepEqual(await cards.evaluateAll((els) => els.slice(0, 8).map((e) => e.querySelector('h3').textContent)), top);
    await cards.nth(5).locator('h3 a').click();
    const similar = page.getByRole('region', { name: 'Similar papers' });
    await similar.getByRole('listitem').first().waitFor();
    assert.equal(await similar.getByRole('listitem').count(), 5);
    await page.screenshot({ path: new URL('./out/similar.png', import.meta.url).pathname });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('complementary', { name: 'Paper' }).getByRole('button', { name: 'Copy BibTeX' }).click();
    await page.getByText('BibTeX copied').waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^@misc\{\w+,\n  title = \{/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('for you per tag and per topic', () => {
  test('a tag and a followed topic each train their own For you', async () => {
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    await page.goto(`${app.url}?period=all&q=robot`);
    await ready(page);
    for (let i = 0; i < 3; i++) {
      const card = page.locator('article').nth(i);
      await cardAction(card, 'Tags and note');
      await card.getByRole('combobox', { name: 'Tag' }).fill('robots');
      await card.getByRole('button', { name: 'Add tag' }).click();
    }
    // Saved papers on another subject must not sway the tag's model.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('speech audio');
    await page.waitForURL(/q=speech/);
    for (let i = 0; i < 3; i++) await page.locator('article').nth(i).getByRole('button', { name: /^Save/ }).click();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('video generation');
    await page.getByRole('button', { name: '☆ Follow this search' }).click();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('');

    const sort = page.getByRole('combobox', { name: 'Sort' });
    await sort.selectOption({ label: 'For you · #robots' });
    await page.waitForURL(/for=%23robots/);
    await page.getByText('Ranked by a model of your papers tagged #robots').waitFor();
    const texts = async () => {
      await listDrawn(page);
      return page.locator('article').evaluateAll((els) => els.slice(0, 10).map((e) => e.textContent));
    };
    const robots = (await texts()).filter(robotic).length;
    assert.ok(robots >= 8, `${robots} of the top 10 are about robots`);

    await sort.selectOption({ label: 'For you · video generation' });
    await page.waitForURL(/for=video\+generation/);
    await page.getByText('Ranked by a model of the papers matching your topic').waitFor();
    const video = (await texts()).filter((t) => /video/i.test(t)).length;
    assert.ok(video >= 8, `${video} of the top 10 are about video`);
    // The link keeps the choice.
    await page.reload();
    await page.getByText('Ranked by a model of the papers matching your topic').waitFor();
    assert.equal(await sort.locator('option:checked').innerText(), 'For you · video generation');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('digest', () => {
  test('a first visit digests the latest day; mailto, Markdown, HTML and BibTeX are produced', async () => {
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    await page.goto(`${app.url}?view=digest`);
    const digest = page.getByRole('region', { name: 'Digest' });
    const day = shortDay(new Date(`${latestDay}T00:00:00Z`));
    await digest.getByRole('heading', { name: `PaperSift digest: ${onDay(latestDay).length} papers since ${day}` }).waitFor();
    assert.equal(await digest.locator('.digest-list').first().getByRole('listitem').count(), 10);
    // Each paper says what it is about (its AI summary, or the start of its abstract), here
    // and in every export below.
    const summaries = await digest.locator('.digest-list').first().locator('li .digest-summary').allInnerTexts();
    assert.equal(summaries.filter((s) => s.length > 40).length, 10, summaries.join('\n'));
    // And how many upvoted it, as on the cards.
    const votes = await digest.locator('.digest-list').first().locator('li .votes').allTextContents();
    assert.equal(votes.filter((v) => /^▲ \d+ upvotes?$/.test(v)).length, 10, votes.join(', '));
    // The count beside it is the digest's; the digest has no layouts or filters to offer.
    assert.equal(await statusText(page), `${onDay(latestDay).length} papers`);
    assert.equal(await page.getByRole('button', { name: /^Filters/ }).count(), 0);
    // A search narrows the digest as it does the list: its title and top section name it.
    const search = page.getByRole('searchbox', { name: 'Search papers' });
    await search.fill('model');
    await page.getByRole('button', { name: /Follow this search/ }).waitFor();
    const narrowed = digest.getByRole('heading', { name: /^PaperSift digest: \d+ papers? matching “model” since / });
    await narrowed.waitFor();
    const matching = Number((await narrowed.innerText()).match(/: (\d+) paper/)[1]);
    assert.ok(matching > 0 && matching < onDay(latestDay).length, `${matching} of ${onDay(latestDay).length}`);
    assert.equal(await statusText(page), `${matching} papers`);
    await digest.getByRole('heading', { name: 'Top trending matching “model”' }).waitFor();
    await search.fill('');
    await digest.getByRole('heading', { name: `PaperSift digest: ${onDay(latestDay).length} papers since ${day}` }).waitFor();
    // Copy as email is a button; the other ways are in the Export menu.
    const exported = (name) => {
      const item = digest.getByRole('menuitem', { name });
      return digest.getByRole('button', { name: 'Export' }).click().then(() => item);
    };
    const mailto = await (await exported('Open in mail app')).getAttribute('href');
    await page.keyboard.press('Escape');
    assert.match(mailto, /^mailto:\?subject=PaperSift%20digest/);
    assert.ok(mailto.length <= 1800, `mailto is ${mailto.length} bytes`);
    assert.ok(decodeURIComponent(mailto).includes('https://arxiv.org/abs/'));
    const md = await downloaded(page, await exported('Download Markdown'));
    assert.equal(md.name, 'papersift-digest.md');
    assert.match(md.text, /^# PaperSift digest/);
    assert.equal((md.text.match(/^- \[/gm) ?? []).length, 10);
    assert.ok(md.text.includes(`\n\n  ${summaries[0]}\n`), md.text);
    const html = await downloaded(page, await exported('Download HTML'));
    assert.match(html.text, /<h2>Top trending<\/h2>/);
    assert.equal((html.text.match(/<br>/g) ?? []).length, 10);
    const bib = await downloaded(page, await exported('Download BibTeX'));
    assert.equal((bib.text.match(/^@misc\{/gm) ?? []).length, 10);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await digest.getByRole('button', { name: 'Copy as email' }).click();
    await digest.getByText('Digest copied').waitFor();
    const pasted = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return [[...item.types].sort().join(','), await (await item.getType('text/plain')).text()];
    });
    assert.equal(pasted[0], 'text/html,text/plain');
    assert.match(pasted[1], /^PaperSift digest/);
    assert.ok(pasted[1].includes(`\n  ${summaries[0]}\n`), pasted[1]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the digest\'s tools take one row on a desktop and two on a phone, above its papers', async () => {
    for (const [viewport, most] of [[{ width: 1280, height: 900 }, 1], [{ width: 360, height: 740 }, 2]]) {
      const { context, page, problems } = await openPage(browser, new URL(app.url).origin, viewport);
      await page.goto(`${app.url}?view=digest`);
      const digest = page.getByRole('region', { name: 'Digest' });
      await digest.locator('.digest-list').first().waitFor();
      // A row's tools are centred on one line.
      const middles = await digest.locator('.digest-actions > :not(.copy-said)').evaluateAll((els) =>
        els.map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2); }));
      const rows = new Set(middles).size;
      assert.ok(rows <= most, `${rows} rows of tools at ${viewport.width} px (middles ${middles})`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('asked after a click, a notification tells of new papers when PaperSift opens', async () => {
    const { context, page, problems } = await openPage(browser, new URL(app.url).origin);
    // A stand-in for the system's notifications that records what is shown.
    await context.addInitScript(() => {
      window.shown = [];
      window.Notification = class {
        static permission = 'default';
        static requestPermission() { window.Notification.permission = 'granted'; return Promise.resolve('granted'); }
        constructor(title, options) { window.shown.push([title, options.body]); }
      };
      if (localStorage.getItem('granted')) window.Notification.permission = 'granted';
    });
    const url = `${withFeeds('/daily?date={date}')}&view=digest`;
    await page.goto(url);
    await page.getByRole('region', { name: 'Digest' }).locator('.digest-list').first().waitFor();
    await page.getByRole('button', { name: 'Notify me' }).click();
    await page.getByRole('button', { name: 'Notifications on' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.shown), [], 'nothing shown on the visit that asked');
    await page.evaluate(() => localStorage.setItem('granted', '1'));
    await writesSettled(page);
    await page.goto(url);
    await page.waitForFunction(() => window.shown.length > 0);
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(await page.evaluate(() => window.shown), [['1 new paper', `Top: Live paper of ${today}`]]);
    assert.deepEqual(problems.filter((p) => !p.startsWith('foreign request:')), [], 'the feed server is the only other origin');
    await context.close();
  });

  test('the digest lists what arrived since the last visit, grouped by followed topic', async () => {
    const { context, page } = await openPage(browser, new URL(app.url).origin);
    await page.goto(withFeeds('/daily?date={date}'));
    const today = new Date().toISOString().slice(0, 10);
    await page.locator('article', { hasText: `Live paper of ${today}` }).waitFor();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('live');
    await page.getByRole('button', { name: '☆ Follow this search' }).click();
    await writesSettled(page);
    // The second visit: only today's live paper is newer than the first.
    await page.goto(`${withFeeds('/daily?date={date}')}&view=digest`);
    const digest = page.getByRole('region', { name: 'Digest' });
    await digest.getByRole('heading', { name: /^PaperSift digest: 1 paper since/ }).waitFor();
    await digest.getByRole('heading', { name: 'live (1 new)' }).waitFor();
    assert.deepEqual(await digest.locator('.digest-list').first().locator('a').allInnerTexts(), [`Live paper of ${today}`]);
    await digest.getByRole('combobox').selectOption('week');
    await page.waitForURL(/since=week/);
    const weekStart = new Date(`${today}T00:00:00Z`);
    weekStart.setUTCDate(weekStart.getUTCDate() - 6);
    const since = shortDay(weekStart);
    await digest.getByRole('heading', { name: new RegExp(`^PaperSift digest: \\d+ papers? since ${since}$`) }).waitFor();
    await context.close();
  });
});
