// Trunk post-build hook (see Trunk.toml): writes the first rows of the default view, the
// service worker's version and precache list from the build's files, and the
// Content-Security-Policy with the hashes of the inline scripts, into the staged build.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { GUARD, firstRows } from './first-rows.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by trunk, or pass the build folder)');
  process.exit(2);
}

const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split('\\').join('/'));
  }
};
walk(dir);

// The first rows of the default view, shown until the app takes over (scripts/first-rows.mjs).
const indexPath = join(dir, 'index.html');
/** The id of what follows the copy (its guard script). */
const PREVIEW_END = 'prerender-end';
let html = readFileSync(indexPath, 'utf8');
const preview = await firstRows(dir);
// After the <noscript> note, which then stays on top when scripts are off.
// A replacer function: a string would read `$\``, `$&` and the like in feed titles as patterns.
html = html.replace(/<\/noscript>/, () => `</noscript>\n    ${preview}\n    <script id="${PREVIEW_END}">${GUARD}</script>`);
if (!html.includes(GUARD)) {
  console.error('post-build: index.html has no </noscript> to put the first rows after');
  process.exit(2);
}
// No paint until the whole copy is parsed: a first paint in the middle of it (where the
// network or the parser happened to pause) showed a card's buttons half drawn, which moved
// when the rest came (a layout shift the first-paint test caught about once in 25 loads).
html = html.replace(/<\/head>/, () => `  <link rel="expect" href="#${PREVIEW_END}" blocking="render" />\n  </head>`);

// Content-Security-Policy: only what the app needs. connect-src allows any https origin because
// readers add feeds from any site (and loopback http, for feeds served on one's own machine).
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
writeFileSync(indexPath, html);

// The service worker: every file of the build but itself, and a version that changes with any of them.
// Published feeds are for feed readers, not the app's start: they are not precached.
const precache = ['./', ...files.filter((f) => f !== 'sw.js' && f !== 'index.html' && !f.startsWith('feeds/published/')).sort().map((f) => `./${f}`)];
const version = createHash('sha256');
for (const f of files.filter((f) => f !== 'sw.js').sort()) version.update(f).update(readFileSync(join(dir, f)));
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace('__PAPERSIFT_VERSION__', () => version.digest('hex').slice(0, 16))
  .replace('__PAPERSIFT_PRECACHE__', () => JSON.stringify(precache, null, 2));
writeFileSync(swPath, sw);
console.log(`post-build: first rows (${preview.length} bytes), ${precache.length} files precached, ${hashes.length} inline script hash(es) in the CSP`);
