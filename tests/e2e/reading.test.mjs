// End-to-end: the reading experience's figures. The first screen (no scrolling, default
// settings, default feed) shows papers, not a form; a List card carries at most three
// controls; the More menu follows the WAI-ARIA menu-button pattern.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { cardAction, launch, listDrawn, openFilters, openPage, openSettings, ready } from './browser.mjs';
import { serveStatic } from './server.mjs';

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

const PHONE = { width: 390, height: 844 };
// A 1 px PNG, served for the feed's thumbnails when a test shows them.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const NARROW_PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };

/** Opens the app at `query` and waits until the list is drawn. */
async function open(viewport, query = '') {
  const opened = await openPage(browser, new URL(server.url).origin, viewport);
  await opened.page.goto(`${server.url}${query}`);
  await ready(opened.page);
  await listDrawn(opened.page);
  return opened;
}

/** Elements matching `selector` wholly inside the viewport, and the first one's top. */
function wholly(page, selector) {
  return page.evaluate((selector) => {
    const inside = [...document.querySelectorAll(selector)]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight);
    return { count: inside.length, firstTop: inside[0]?.top ?? Infinity };
  }, selector);
}

describe('the first screen is papers', () => {
  test('a phone shows at least 3 whole titles, the first within 200 px of the top', async () => {
    const { context, page, problems } = await open(PHONE);
    const { count, firstTop } = await wholly(page, 'article h3');
    await page.screenshot({ path: `${OUT}/first-screen-phone.png` });
    console.log(`phone 390x844: ${count} whole titles, the first at ${Math.round(firstTop)} px`);
    assert.ok(count >= 3, `${count} whole titles`);
    assert.ok(firstTop <= 200, `first title at ${firstTop} px`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [layout, selector, least] of [['list', 'article h3', 5], ['compact', 'article h3', 15], ['grid', 'article', 10]]) {
    test(`a desktop shows at least ${least} whole ${selector === 'article' ? 'cards' : 'titles'} in ${layout}`, async () => {
      // All papers, so that a short day does not decide the count.
      const { context, page, problems } = await open(DESKTOP, `?period=all&layout=${layout}`);
      assert.equal(await page.locator(`ol.papers[data-layout="${layout}"]`).count(), 1);
      const { count } = await wholly(page, selector);
      await page.screenshot({ path: `${OUT}/first-screen-desktop-${layout}.png` });
      console.log(`desktop 1366x900, ${layout}: ${count} whole ${selector}`);
      assert.ok(count >= least, `${count} in ${layout}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const [state, query] of [['no filter', ''], ['a filter in effect', '?votes=5']]) {
    test(`a 360 px phone keeps the Filters button, by its name, on the period tabs' row: ${state}`, async () => {
      const { context, page, problems } = await open(NARROW_PHONE, query);
      const tabs = await page.locator('.period-kinds').boundingBox();
      const button = page.getByRole('button', { name: /^Filters/ });
      assert.equal((await button.textContent()).trim(), query ? 'Filters1' : 'Filters');
      const filters = await button.boundingBox();
      const middle = (box) => box.y + box.height / 2;
      assert.ok(Math.abs(middle(filters) - middle(tabs)) < 4, `the tabs' row is at ${middle(tabs)} px, the Filters button at ${middle(filters)} px`);
      assert.ok(filters.x + filters.width <= NARROW_PHONE.width, `the Filters button ends at ${filters.x + filters.width} px`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('a 360 px phone shows a card\'s five links on one line', async () => {
    const { context, page, problems } = await open(NARROW_PHONE);
    const rows = await page.locator('ol.papers article .paper-links').evaluateAll((lists) =>
      lists.map((ul) => ({
        links: [...ul.querySelectorAll('a')].map((a) => a.textContent),
        tops: new Set([...ul.querySelectorAll('li')].map((li) => Math.round(li.getBoundingClientRect().top))).size,
      })));
    const five = rows.filter((r) => r.links.length === 5);
    assert.ok(five.length > 0, 'no card with five links: the check needs one');
    for (const r of five) assert.equal(r.tops, 1, `${r.links.join(', ')}: on ${r.tops} lines`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a compact row gives its title the room before its meta line', async () => {
    const { context, page, problems } = await open(DESKTOP, '?layout=compact');
    const rows = await page.locator('ol.papers article').evaluateAll((rows) =>
      rows.map((row) => {
        const title = row.querySelector('.paper-title');
        const org = row.querySelector('.row-meta .org');
        const style = getComputedStyle(row);
        const inner = row.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return {
          title: title.textContent,
          cut: title.scrollWidth > title.clientWidth + 1,
          share: title.clientWidth / inner,
          orgCut: org ? org.scrollWidth > org.clientWidth + 1 : false,
        };
      }));
    for (const r of rows.filter((r) => r.cut)) {
      assert.ok(r.share >= 0.595, `"${r.title}" is cut at ${Math.round(r.share * 100)} % of its row`);
    }
    // The default feed has long titles beside long organisations' names.
    assert.ok(rows.some((r) => r.orgCut), 'no organisation is cut: the check needs a row that is');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a phone shows at least 3 whole grid cards: without thumbnails (the default) a card has no picture', async () => {
    const { context, page, problems } = await open(NARROW_PHONE, '?layout=grid');
    assert.equal(await page.locator('ol.papers .thumb-frame').count(), 0);
    const { count } = await wholly(page, 'ol.papers article');
    await page.screenshot({ path: `${OUT}/first-screen-phone-grid.png` });
    assert.ok(count >= 3, `${count} whole grid cards`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a grid card\'s picture spans the card, on a phone as on a desktop', async () => {
    for (const viewport of [NARROW_PHONE, DESKTOP]) {
      const { context, page, problems } = await open(viewport, '?layout=grid');
      await context.route('https://cdn-thumbnails.huggingface.co/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }));
      await openSettings(page);
      await page.getByText('Display and defaults').click();
      await page.getByText('Show thumbnails').click();
      // The focus is on the checkbox, in Settings: Esc closes them.
      await page.keyboard.press('Escape');
      const card = page.locator('ol.papers article').first();
      const [outer, picture] = await Promise.all([card.boundingBox(), card.locator('.thumb-frame').boundingBox()]);
      // Inside the card's 1 px border.
      assert.ok(Math.abs(picture.x - outer.x) <= 1 && Math.abs(picture.width - outer.width) <= 2,
        `${viewport.width} px: the card is ${outer.x}+${outer.width}, its picture ${picture.x}+${picture.width}`);
      // The thumbnails the reader turned on are the one other server asked.
      assert.deepEqual(problems.filter((p) => !p.startsWith('foreign request: https://cdn-thumbnails.huggingface.co/')), []);
      await context.close();
    }
  });

  test('a compact row on a phone shows two lines of its title before cutting it', async () => {
    const { context, page, problems } = await open(NARROW_PHONE, '?layout=compact');
    const lines = await page.locator('ol.papers article .paper-title').evaluateAll((titles) =>
      titles.map((t) => Math.round(t.clientHeight / parseFloat(getComputedStyle(t).lineHeight))));
    assert.ok(lines.includes(2), `lines per title: ${lines.join(' ')}`);
    assert.ok(lines.every((n) => n >= 1 && n <= 2), `lines per title: ${lines.join(' ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a card shows its code\'s stars once: on its Code link in List, in its meta line in Grid', async () => {
    const stars = (page) => page.locator('ol.papers article').evaluateAll((cards) =>
      cards.map((card) => ({
        title: card.querySelector('h3')?.textContent,
        onLink: [...card.querySelectorAll('.paper-links a')].some((a) => a.textContent.startsWith('Code ★')),
        inMeta: card.querySelector('.paper-meta .stars') !== null,
      })));
    const list = await open(DESKTOP);
    const cards = await stars(list.page);
    assert.ok(cards.some((c) => c.onLink), 'no Code link with stars: the check needs one');
    for (const c of cards) assert.ok(!(c.onLink && c.inMeta), `"${c.title}" shows its stars twice`);
    assert.deepEqual(list.problems, []);
    await list.context.close();
    // A grid card has no links: its meta line keeps the stars.
    const grid = await open(DESKTOP, '?layout=grid');
    const inGrid = await stars(grid.page);
    assert.ok(inGrid.some((c) => c.inMeta) && !inGrid.some((c) => c.onLink), JSON.stringify(inGrid.slice(0, 3)));
    assert.deepEqual(grid.problems, []);
    await grid.context.close();
  });

  test('a card\'s meta is one line (two in Grid: counts, then date and organisation), the organisation cut first and named in full in its tooltip', async () => {
    let cut = 0;
    for (const [viewport, layout] of [[NARROW_PHONE, 'list'], [NARROW_PHONE, 'grid'], [DESKTOP, 'grid']]) {
      const { context, page, problems } = await open(viewport, `?layout=${layout}`);
      const cards = await page.locator('ol.papers article .paper-meta').evaluateAll((metas) =>
        metas.map((meta) => {
          const box = meta.getBoundingClientRect();
          const org = meta.querySelector('.org');
          return {
            text: meta.textContent,
            lines: Math.round(meta.clientHeight / parseFloat(getComputedStyle(meta).lineHeight)),
            // What may give way is the organisation (and a merged paper's sources); the rest stays whole.
            clipped: [...meta.children]
              .filter((el) => !el.matches('.org, .sources'))
              .filter((el) => el.getBoundingClientRect().right > box.right + 1 || el.scrollWidth > el.clientWidth + 1)
              .map((el) => el.textContent),
            orgCut: org ? org.scrollWidth > org.clientWidth + 1 : false,
            tooltip: org ? org.title === org.textContent : true,
          };
        }));
      for (const c of cards) {
        const where = `${viewport.width} px ${layout}, "${c.text}"`;
        assert.equal(c.lines, layout === 'grid' ? 2 : 1, `${where}: on ${c.lines} lines`);
        assert.deepEqual(c.clipped, [], `${where}: cut`);
        assert.ok(c.tooltip, `${where}: the organisation's tooltip is not its name`);
        assert.doesNotMatch(c.text, /(^|\D)0 comments/, `${where}: "0 comments" says nothing`);
      }
      cut += cards.filter((c) => c.orgCut).length;
      assert.deepEqual(problems, []);
      await context.close();
    }
    // The default feed has "university of science and technology of china".
    assert.ok(cut > 0, 'no organisation is cut: the check needs a card whose is');
  });

  test('a List card shows at most 3 buttons or form controls (links aside)', async () => {
    const { context, page } = await open(DESKTOP);
    const counts = await page.locator('article').evaluateAll((cards) =>
      cards.map((card) => [...card.querySelectorAll('button, input, select, textarea, [role="button"]')]
        .filter((el) => el.getBoundingClientRect().width > 0).length));
    console.log(`controls per List card: at most ${Math.max(...counts)}`);
    assert.ok(counts.length > 0 && counts.every((n) => n <= 3), counts.join(' '));
    await context.close();
  });
});

describe('a panel', () => {
  const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

  test('closes with Esc from one of its fields, keeps what was set there, and gives the focus back to its opener', async () => {
    const { context, page, problems } = await open(NARROW_PHONE);
    await openFilters(page);
    const votes = page.getByRole('spinbutton', { name: /Upvotes/ });
    await votes.fill('5');
    await votes.press('Tab');
    await page.getByRole('button', { name: 'Remove filter: ▲ ≥ 5' }).waitFor();
    await votes.focus();
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Filters' }).waitFor({ state: 'detached' });
    assert.match(await focused(page), /^Filters/);
    assert.equal(await page.getByRole('button', { name: 'Remove filter: ▲ ≥ 5' }).count(), 1);

    await openSettings(page);
    await page.locator('.settings summary', { hasText: /^Muted/ }).click();
    await page.getByRole('textbox', { name: 'Mute a word or phrase' }).fill('survey');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Settings' }).waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'Menu');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('closed by its close button gives the focus back to its opener', async () => {
    const { context, page, problems } = await open(DESKTOP);
    await page.getByRole('button', { name: 'Search help' }).click();
    await page.getByRole('button', { name: 'Close Search help' }).click();
    await page.getByRole('region', { name: 'Search help' }).waitFor({ state: 'detached' });
    assert.equal(await focused(page), 'Search help');
    await openFilters(page);
    await page.getByRole('button', { name: 'Close Filters' }).click();
    assert.match(await focused(page), /^Filters/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the search box', () => {
  test('finds a paper by its arXiv id or a pasted arXiv or Hugging Face link', async () => {
    const { context, page, problems } = await open(DESKTOP, '?period=all');
    const [id, title] = await page.locator('ol.papers article').nth(3).evaluate((a) => [a.dataset.paperId, a.querySelector('h3').textContent]);
    const search = page.getByRole('searchbox', { name: 'Search papers' });
    for (const pasted of [id, `https://arxiv.org/pdf/${id}v2`, `https://huggingface.co/papers/${id}`]) {
      await search.fill(pasted);
      await page.waitForFunction((id) => {
        const cards = document.querySelectorAll('ol.papers article');
        return cards.length === 1 && cards[0].dataset.paperId === id;
      }, id);
      assert.equal(await page.locator('ol.papers article h3').innerText(), title, pasted);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Enter goes to the first result of what was typed, where j and s go on', async () => {
    const { context, page, problems } = await open(DESKTOP);
    const first = page.locator('ol.papers article').first();
    const before = await first.getAttribute('data-paper-id');
    // Enter at once after the keys: the results of the last one, not the list before them.
    await page.getByRole('searchbox', { name: 'Search papers' }).pressSequentially('video', { delay: 0 });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('ol.papers:not([aria-busy]) article:first-child'));
    const id = await first.getAttribute('data-paper-id');
    assert.notEqual(id, before, 'the list before the search');
    assert.match(await first.locator('h3').innerText(), /video/i);
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await page.locator('ol.papers article').nth(1).locator('button[aria-pressed="true"]', { hasText: 'Saved' }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the paper view', () => {
  test('marks the words searched for in its title, summary, keywords and abstract, as the cards do', async () => {
    // EXIMO, in the default feed: "models" in its abstract, "model" in its keywords.
    const { context, page, problems } = await open(DESKTOP, '?q=model&paper=2608.19891');
    const paper = page.getByRole('complementary', { name: 'Paper' });
    await paper.locator('h2', { hasText: 'EXIMO' }).waitFor();
    const marked = async (part) => paper.locator(`${part} mark`).allInnerTexts();
    for (const part of ['.keywords', '.paper-abstract']) {
      const words = await marked(part);
      assert.ok(words.length > 0, `nothing marked in ${part}`);
      for (const word of words) assert.match(word, /^models?$/i, `"${word}" marked in ${part}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('follows j and k to the next and previous paper, s and x act on the paper it shows, and Back returns to the list', async () => {
    const { context, page, problems } = await open(DESKTOP);
    const cards = page.locator('ol.papers article');
    const [first, second] = [await cards.nth(0).locator('h3').innerText(), await cards.nth(1).locator('h3').innerText()];
    const view = page.getByRole('complementary', { name: 'Paper' });
    const shows = (title) => view.locator('h2', { hasText: title }).waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('o');
    await shows(first);
    await page.keyboard.press('j');
    await shows(second);
    assert.equal(new URL(page.url()).searchParams.get('paper'), await cards.nth(1).getAttribute('data-paper-id'));
    await page.keyboard.press('s');
    await page.keyboard.press('x');
    const saved = (card) => card.getByRole('button', { name: /^Save/ }).getAttribute('aria-pressed');
    await cards.nth(1).locator('button[aria-pressed="true"]', { hasText: 'Saved' }).waitFor();
    assert.equal(await saved(cards.nth(0)), 'false');
    await view.getByRole('button', { name: 'Read', exact: true }).waitFor();
    await page.keyboard.press('k');
    await shows(first);
    assert.equal(await view.getByRole('button', { name: /^Save/ }).getAttribute('aria-pressed'), 'false');
    // Steps replace the history entry: Back returns to the list, not through each paper.
    await page.goBack();
    assert.equal(new URL(page.url()).searchParams.get('paper'), null, 'Back from a paper reached by j and k');
    await view.waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Previous and Next go through the list on a phone, stay at hand at the end of an abstract, and stop at the list\'s ends', async () => {
    const { context, page, problems } = await open(NARROW_PHONE);
    const cards = page.locator('ol.papers article');
    const titles = await cards.locator('h3').allInnerTexts();
    const view = page.getByRole('complementary', { name: 'Paper' });
    const [previous, next] = [view.getByRole('button', { name: 'Previous paper' }), view.getByRole('button', { name: 'Next paper' })];
    await cards.first().locator('h3 a').click();
    await view.locator('h2', { hasText: titles[0] }).waitFor();
    assert.ok(await previous.isDisabled(), 'Previous on the first paper');
    await next.click();
    await view.locator('h2', { hasText: titles[1] }).waitFor();
    await previous.click();
    await view.locator('h2', { hasText: titles[0] }).waitFor();
    // Read to the end of the paper: Next is still at the top of the screen.
    await view.evaluate((v) => v.scrollTo(0, v.scrollHeight));
    const box = await next.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 80, `Next is at ${box.y} px`);
    await next.click();
    await view.locator('h2', { hasText: titles[1] }).waitFor();
    // The last paper of the list: Next stops there.
    await page.goto(`${server.url}?paper=${await cards.last().getAttribute('data-paper-id')}`);
    await view.locator('h2', { hasText: titles.at(-1) }).waitFor();
    await listDrawn(page);
    assert.ok(await next.isDisabled(), 'Next on the last paper');
    assert.ok(await previous.isEnabled());
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('closed (Esc, u or Close) gives the focus to the card of the paper it showed, so j goes on from there', async () => {
    const { context, page, problems } = await open(DESKTOP);
    const ids = await page.locator('ol.papers article').evaluateAll((cards) => cards.map((c) => c.dataset.paperId));
    const focusedId = () => page.evaluate(() => document.activeElement?.closest('article')?.dataset.paperId ?? document.activeElement?.tagName);
    const view = page.getByRole('complementary', { name: 'Paper' });
    const closed = () => view.waitFor({ state: 'detached' });
    for (const key of ['j', 'j', 'j', 'o', 'j']) await page.keyboard.press(key);
    await view.and(page.locator(`[data-paper-id="${ids[3]}"]`)).waitFor();
    await page.keyboard.press('Escape');
    await closed();
    assert.equal(await focusedId(), ids[3], 'Esc');
    await page.keyboard.press('j');
    assert.equal(await focusedId(), ids[4]);
    await page.keyboard.press('o');
    await view.waitFor();
    await page.keyboard.press('u');
    await closed();
    assert.equal(await focusedId(), ids[4], 'u');
    await page.keyboard.press('o');
    await view.getByRole('button', { name: 'Close', exact: true }).click();
    await closed();
    assert.equal(await focusedId(), ids[4], 'Close');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('shows its whole meta line on a phone, wrapped, where a card cuts it', async () => {
    const { context, page, problems } = await open(NARROW_PHONE);
    await page.locator('article').first().locator('h3 a').click();
    const meta = page.getByRole('complementary', { name: 'Paper' }).locator('.paper-meta');
    await meta.waitFor();
    const cut = await meta.evaluate((meta) => {
      const box = meta.getBoundingClientRect();
      return [...meta.children]
        .filter((el) => el.getBoundingClientRect().right > box.right + 1 || el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent);
    });
    assert.deepEqual(cut, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('its meta line counts a paper\'s one upvote in the singular and says nothing of no comments; so do its card and row', async () => {
    // In the default feed: one upvote, no comments.
    const { context, page, problems } = await open(DESKTOP, '?period=all&paper=2608.19863');
    const meta = page.getByRole('complementary', { name: 'Paper' }).locator('.paper-meta');
    await meta.waitFor();
    const text = await meta.innerText();
    assert.match(text, /▲ 1 upvote(?!s)/, text);
    assert.doesNotMatch(text, /comment/, text);
    // A card and a compact row show "▲ 1"; a screen reader hears "1 upvote".
    for (const layout of ['list', 'compact']) {
      await page.goto(`${server.url}?q=2608.19863&layout=${layout}`);
      await ready(page);
      const votes = page.locator('[data-paper-id="2608.19863"] .votes');
      await votes.waitFor();
      assert.equal(await votes.textContent(), '▲ 1 upvote', layout);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the first paint', () => {
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    test(`the build's copy of the first rows gives way to the app's with no layout shift: ${name}`, async () => {
      // A first visit (no service worker): the copy paints, then the app's rows replace it.
      const { context, page, problems } = await openPage(browser, new URL(server.url).origin, viewport, { serviceWorkers: 'block' });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value)))
          .observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(server.url);
      await ready(page);
      await listDrawn(page);
      const shifts = await page.evaluate(() => window.__shifts);
      assert.deepEqual(shifts, [], `layout shifts ${shifts.join(', ')}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('the More menu', () => {
  test('Copy BibTeX puts the paper\'s own entry on the clipboard', async () => {
    const { context, page, problems } = await open(DESKTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const card = page.locator('article').nth(1);
    const id = await card.getAttribute('data-paper-id');
    await cardAction(card, 'Copy BibTeX');
    await card.getByText('BibTeX copied').waitFor();
    const entry = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(entry, /^@misc\{\w+,\n  title = \{/);
    assert.ok(entry.includes(`  eprint = {${id}},`), entry);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('shows whole over a phone\'s filter sheet', async () => {
    const { context, page, problems } = await open(NARROW_PHONE);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.locator('#filters-panel').waitFor();
    const card = page.locator('article').first();
    await card.getByRole('button', { name: /^More actions/ }).click();
    const items = card.getByRole('menuitem');
    await items.first().waitFor();
    // Each item is what the screen shows at its middle (nothing drawn over it).
    const hidden = await items.evaluateAll((items) => items.filter((item) => {
      const r = item.getBoundingClientRect();
      return !item.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
    }).map((item) => item.textContent.trim()));
    assert.deepEqual(hidden, [], `covered: ${hidden.join(', ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('opens with m on the focused paper, moves with the arrows, Home and End, and Esc returns the focus', async () => {
    const { context, page, problems } = await open(DESKTOP);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('j');
    await page.keyboard.press('m');
    const card = page.locator('article').first();
    const more = card.getByRole('button', { name: /^More actions/ });
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    await card.getByRole('menu').waitFor();
    assert.equal(await focused(), 'Mark read');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Like');
    await page.keyboard.press('End');
    assert.equal(await focused(), 'Copy link');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Mark read', 'wraps to the first');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'Copy link', 'wraps to the last');
    await page.keyboard.press('Home');
    assert.equal(await focused(), 'Mark read');
    await page.keyboard.press('Escape');
    await card.getByRole('menu').waitFor({ state: 'detached' });
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.ok(await more.evaluate((el) => el === document.activeElement), 'the focus is back on the button');
    // Enter on a checkbox item marks the paper read; the card says so.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.locator('article.is-read').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
