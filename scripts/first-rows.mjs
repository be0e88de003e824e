// The first rows of the default view as static HTML, for index.html: on a first visit the
// page shows them at its first paint, seconds before the wasm has downloaded on a slow
// phone, and the app replaces them with its own once it has something to show. Taken from
// the built app itself in headless Chromium, so the preview is exactly what the app draws.
import { launch, ready } from '../tests/e2e/browser.mjs';
import { serveStatic } from '../tests/e2e/server.mjs';

/** Cards kept in the preview: as many as a tall screen shows below the header. */
const CARDS = 4;

/** Attributes dropped from the copy: ids and what points at them (the app's own copy holds
 * them), inline styles (the CSP allows none), and live regions and busy states (a static
 * preview announces nothing). */
const DROPPED = ['style', 'id', 'for', 'list', 'aria-controls', 'aria-describedby', 'aria-labelledby', 'aria-live', 'aria-busy'];

/** The preview of the build in `dir`: a `<div id="prerender" inert>` to put first in `<body>`. */
export async function firstRows(dir) {
  const app = await serveStatic(dir);
  const browser = await launch();
  try {
    // No service worker: the staged build's is not written yet.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(app.url);
    await ready(page);
    await page.locator('ol.papers:not([aria-busy])').waitFor();
    return await page.evaluate(({ cards, dropped }) => {
      const root = document.createElement('div');
      root.id = 'prerender';
      // A picture of the page, not yet the page: nothing in it can be focused or clicked.
      root.setAttribute('inert', '');
      for (const el of document.body.children) if (el.matches('header, main')) root.append(el.cloneNode(true));
      root.querySelectorAll('ol.papers > li').forEach((li, i) => i >= cards && li.remove());
      root.querySelectorAll('script, datalist, [role=alert], .rows-above, .rows-below').forEach((e) => e.remove());
      // What the app set as properties, written as attributes so the copy shows it too.
      const live = [...document.body.querySelectorAll('header, main')].flatMap((el) => [...el.querySelectorAll('option, input')]);
      const copied = [...root.querySelectorAll('header, main')].flatMap((el) => [...el.querySelectorAll('option, input')]);
      copied.forEach((el, i) => {
        const from = live[i];
        if (!from || from.tagName !== el.tagName) return;
        if (el.tagName === 'OPTION') el.toggleAttribute('selected', from.selected);
        else if (from.type === 'checkbox' || from.type === 'radio') el.toggleAttribute('checked', from.checked);
        else el.setAttribute('value', from.value);
      });
      for (const el of root.querySelectorAll('*')) {
        for (const name of dropped) el.removeAttribute(name);
        if (['status', 'alert'].includes(el.getAttribute('role'))) el.removeAttribute('role');
      }
      const comments = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
      const markers = [];
      while (comments.nextNode()) markers.push(comments.currentNode);
      markers.forEach((c) => c.remove());
      return root.outerHTML;
    }, { cards: CARDS, dropped: DROPPED });
  } finally {
    await browser.close();
    await app.close();
  }
}

/** Runs before the app: a link with a view of its own, or a returning reader whose app the
 * service worker serves at once (with their own settings), never sees the default preview. */
export const GUARD =
  "if (location.search || (navigator.serviceWorker && navigator.serviceWorker.controller)) document.getElementById('prerender').remove();";
