// End-to-end accessibility: axe-core (WCAG 2 A/AA) on the main states (each layout, filters, a
// menu open, search, Settings,
// the paper view, the shortcuts list), light and dark, on a phone and a desktop, with a
// screenshot of each in tests/e2e/out/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { launch, openPage, ready, menuItem, openSettings, cardAction, openFilters } from './browser.mjs';
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
  writeContactSheet();
});

/** `tests/e2e/out/index.html`: every screenshot of the run, each state's four side by side. */
function writeContactSheet() {
  const shots = readdirSync(OUT).filter((f) => f.endsWith('.png')).sort();
  const states = Object.keys(STATES);
  const cell = (f) => `<figure><a href="${f}"><img src="${f}" alt="${f}" loading="lazy"></a><figcaption>${f}</figcaption></figure>`;
  const rows = states.map((state) => {
    const mine = ['light-desktop', 'dark-desktop', 'light-phone', 'dark-phone'].map((v) => `${state}-${v}.png`).filter((f) => shots.includes(f));
    return `<h2>${state}</h2><div class="row">${mine.map(cell).join('')}</div>`;
  });
  const others = shots.filter((f) => !states.some((s) => f.startsWith(`${s}-`) && /-(light|dark)-(desktop|phone)\.png$/.test(f)));
  writeFileSync(`${OUT}/index.html`, `<!doctype html><meta charset="utf-8"><title>PaperSift screenshots</title>
<style>body{font:14px system-ui;margin:1rem;background:#eee}.row{display:flex;gap:1rem;align-items:flex-start;overflow-x:auto}
figure{margin:0;background:#fff;padding:.5rem}img{display:block;max-height:560px;max-width:420px;border:1px solid #ccc}</style>
<h1>PaperSift: every state, light and dark, desktop and phone</h1>${rows.join('\n')}
<h2>Other screenshots of the suite</h2><div class="row" style="flex-wrap:wrap">${others.map(cell).join('')}</div>`);
}

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
  compact: async (page, url) => {
    await page.goto(`${url}?layout=compact`);
    await ready(page);
  },
  grid: async (page, url) => {
    await page.goto(`${url}?layout=grid`);
    await ready(page);
  },
  filters: async (page, url) => {
    await page.goto(url);
    await ready(page);
    await openFilters(page);
    await page.getByRole('spinbutton', { name: /Upvotes/ }).fill('5');
    await page.getByRole('spinbutton', { name: /Upvotes/ }).press('Tab');
    await page.getByRole('button', { name: 'Remove filter: ▲ ≥ 5' }).waitFor();
  },
  menu: async (page) => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Remove filter: ▲ ≥ 5' }).click();
    await page.locator('article').first().getByRole('button', { name: /^More actions/ }).click();
    await page.getByRole('menu').waitFor();
  },
  search: async (page) => {
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('model');
    await page.getByRole('button', { name: 'Search help' }).click();
  },
  settings: async (page) => {
    await openSettings(page);
    for (const summary of await page.locator('.settings details > summary').all()) await summary.click();
  },
  paper: async (page) => {
    // The focus is on a summary in Settings: Esc closes them, so the states after show the list.
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Settings' }).waitFor({ state: 'detached' });
    await page.locator('article').first().locator('h3 a').click();
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
    await menuItem(page, 'Digest');
    // The layout states reloaded the page, so "since my last visit" is empty: the latest day.
    await page.getByRole('combobox', { name: /New papers/ }).selectOption('day');
    await page.getByRole('region', { name: 'Digest' }).locator('.digest-list').first().waitFor();
  },
  tags: async (page) => {
    await menuItem(page, 'Saved papers');
    const card = page.locator('article').first();
    await cardAction(card, 'Tags and note');
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
          await enter(page, server.url);
          assert.deepEqual(await violations(page), [], `${state}, ${scheme}, ${device}`);
          // Nothing of any state reaches past the screen's edge (the page would scroll sideways).
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${state}, ${scheme}, ${device}: the page scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: `${OUT}/${state}-${scheme}-${device}.png`, fullPage: state === 'settings' });
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
});
