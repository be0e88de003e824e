// Launches Debian's Chromium through playwright-core (no browser download, ever).
import { chromium } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium, headless; `extra` adds command-line switches (a benchmark's engine flags). With
 * `bfcache`, the back/forward cache, which Playwright turns off by default, stays on as in a
 * reader's browser.
 */
export function launch(extra = [], { bfcache = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...ARGS, ...extra],
    ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : [],
  });
}

/**
 * Resolves once the list holds `n` cards: a new list is drawn a screenful first, the rest in
 * the following frames.
 */
export const cardsDrawn = (page, n) => page.locator('article').nth(n - 1).waitFor();

/**
 * The match count ("17 papers") once the engine has answered for the view shown: the status
 * is busy while it has not.
 */
export const statusText = (page) => page.locator('.status[role=status]:not([aria-busy])').innerText();

/** Resolves once every card of the current list that may be on the page is drawn. */
export const listDrawn = (page) => page.locator('ol.papers:not([aria-busy])').waitFor();

/**
 * Resolves once the papers of every source are in: the app has taken over from the build's
 * preview, a count is shown and no more are arriving.
 */
export async function ready(page) {
  await page.locator('#prerender').waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: /\d+ papers?/ }).waitFor();
  await page.locator('.loading-more').waitFor({ state: 'detached' });
}

/** A persistent (not incognito) context in `dir`: what installability checks need. */
export function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
}

/**
 * Opens a page that records console errors, page errors and requests to other origins.
 * `options` go to the browser context (e.g. `{ serviceWorkers: 'block' }`).
 */
export async function openPage(browser, origin, viewport = { width: 1280, height: 900 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    // Failed loads are reported with their URL by the response listener below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${msg.text()}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(origin)) problems.push(`foreign request: ${req.url()}`);
  });
  return { context, page, problems };
}

/** Chooses `name` in the header's menu (Saved papers, Digest, Subscribe, Settings, …). */
export async function menuItem(page, name) {
  await page.getByRole('banner').getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Opens Settings from the menu and waits for it. */
export async function openSettings(page) {
  await menuItem(page, 'Settings');
  await page.getByRole('region', { name: 'Settings' }).waitFor();
}

/** Opens the Filters panel (if closed) and waits for it. */
export async function openFilters(page) {
  const button = page.getByRole('button', { name: /^Filters/ });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.getByRole('region', { name: 'Filters' }).waitFor();
}

/** Chooses `name` in a card's More menu (Mark read, Like, Dislike, Mute…, Tags and note, Score, …). */
export async function cardAction(card, name) {
  await card.getByRole('button', { name: /^More actions/ }).click();
  await card.getByRole('menu').getByRole(/^(Like|Dislike|Mark read)$/.test(name) ? 'menuitemcheckbox' : 'menuitem', { name, exact: true }).click();
}

/**
 * Whether a card's More menu shows `name` (Like, Dislike, Mark read) checked; closes the menu
 * again. A card redrawn while its menu opens (a source arriving, say) takes the menu with it:
 * then the menu is opened again, a bounded number of times.
 */
export async function cardChecked(card, name) {
  for (let attempt = 1; ; attempt += 1) {
    await card.getByRole('button', { name: /^More actions/ }).click();
    const item = card.getByRole('menuitemcheckbox', { name, exact: true });
    let checked;
    try {
      checked = await item.getAttribute('aria-checked', { timeout: 3_000 });
    } catch (redrawn) {
      if (attempt === 5) throw redrawn;
      continue;
    }
    await card.page().keyboard.press('Escape');
    return checked === 'true';
  }
}

/**
 * Resolves once the app has no write to the device's store scheduled or under way: its own
 * `<html data-pending-writes>` count is 0 (absent before the first write).
 */
export const writesSettled = (page) =>
  page.waitForFunction(() => (document.documentElement.dataset.pendingWrites ?? '0') === '0');

/** Resolves after the page has rendered `n` more frames (its own clock, not a fixed time). */
export const frames = (page, n) =>
  page.evaluate((n) => new Promise((resolve) => {
    const next = (left) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(n);
  }), n);
