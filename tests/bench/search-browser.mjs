// In-browser benchmarks, in headless Chromium: feed parsing (PaperSift's wasm parser against
// JSON.parse), then search: PaperSift's wasm engine against MiniSearch and a typed-array BM25
// index, on the same papers and queries, in the same page.
//
//   node tests/bench/search-browser.mjs [--data DIR] [--runs R] [--sizes 1000,10000,all] [--parse-only 1]
//
// Run through scripts/bench-search.sh, which builds the engine first. DIR defaults to
// ../shared/data/arxiv_corpus/dedup (not shipped with the project).
import { createServer } from 'node:http';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { scratchDir } from '../e2e/scratch.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const data = args.data ?? join(ROOT, '../shared/data/arxiv_corpus/dedup');
const runs = Number(args.runs ?? 5);
if (!existsSync(data)) {
  console.error(`missing corpus: ${data}; pass --data DIR (the arxiv_corpus/dedup folder of the shared data)`);
  process.exit(2);
}
const web = join(ROOT, 'target/bench-web');
if (!existsSync(join(web, 'engine.js'))) {
  console.error('missing target/bench-web/engine.js: run scripts/bench-search.sh, which builds it');
  process.exit(2);
}

const papers = [];
for (const file of readdirSync(data).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(data, file), 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line);
    const clean = (s) => (s ?? '').split(/\s+/).filter(Boolean).join(' ');
    papers.push({ id: r.id, title: clean(r.title), abstract: clean(r.summary), authors: r.authors, categories: r.categories ?? [], listed: r.listing_date });
  }
}
const sizes = (args.sizes ?? '1000,10000,all').split(',').map((s) => (s === 'all' ? papers.length : Number(s)));
const queries = readFileSync(join(ROOT, 'tests/bench/queries.txt'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

const dir = scratchDir('bench');
copyFileSync(join(web, 'engine.js'), join(dir, 'engine.js'));
copyFileSync(join(web, 'engine_bg.wasm'), join(dir, 'engine_bg.wasm'));
copyFileSync(join(ROOT, 'node_modules/minisearch/dist/es/index.js'), join(dir, 'minisearch.js'));
copyFileSync(join(ROOT, 'tests/bench/search-page.mjs'), join(dir, 'search-page.mjs'));
writeFileSync(join(dir, 'data.json'), JSON.stringify(papers));
// Feeds for the parse benchmark: the PaperSift feed and a JSON Feed of 10k and of every
// paper, and an Atom feed of 10k.
const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const feedFiles = [];
for (const [n, label] of [[10000, '10k'], [papers.length, 'all']]) {
  const slice = papers.slice(0, n);
  // Newest day first, ties by id, as the converter writes it.
  const newestFirst = [...slice].sort((a, b) => b.listed.localeCompare(a.listed) || a.id.localeCompare(b.id));
  const ours = { papersift_feed: 1, title: 'bench', papers: newestFirst.map((p) => ({ id: p.id, title: p.title, abstract: p.abstract, authors: p.authors, categories: p.categories, listed: p.listed })) };
  writeFileSync(join(dir, `papersift-${label}.json`), JSON.stringify(ours));
  const jf = { version: 'https://jsonfeed.org/version/1.1', title: 'bench', items: slice.map((p) => ({ id: `https://arxiv.org/abs/${p.id}`, url: `https://arxiv.org/abs/${p.id}`, title: p.title, content_text: p.abstract, date_published: `${p.listed}T00:00:00Z`, authors: p.authors.map((name) => ({ name })), tags: p.categories })) };
  writeFileSync(join(dir, `jsonfeed-${label}.json`), JSON.stringify(jf));
  feedFiles.push(`papersift-${label}.json`, `jsonfeed-${label}.json`);
  if (label === '10k') {
    const entries = slice.map((p) => `<entry><id>http://arxiv.org/abs/${p.id}v1</id><title>${esc(p.title)}</title><summary>${esc(p.abstract)}</summary><published>${p.listed}T00:00:00Z</published><updated>${p.listed}T00:00:00Z</updated>${p.authors.map((a) => `<author><name>${esc(a)}</name></author>`).join('')}</entry>`);
    writeFileSync(join(dir, 'atom-10k.xml'), `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>bench</title><id>bench</id><updated>2026-01-01T00:00:00Z</updated>${entries.join('')}</feed>`);
    feedFiles.push('atom-10k.xml');
  }
}
writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>search bench</title>');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
// Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
const server = createServer((req, res) => {
  const name = new URL(req.url, 'http://x').pathname.slice(1) || 'index.html';
  const path = join(dir, name);
  if (name.includes('..') || !existsSync(path)) return res.writeHead(404).end();
  res.writeHead(200, {
    'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  });
  res.end(readFileSync(path));
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const page = await browser.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(url);
const isolated = await page.evaluate(() => crossOriginIsolated);
const parsed = await page.evaluate(
  async (opts) => (await import('./search-page.mjs')).parseBench(opts),
  { files: feedFiles, runs: Math.min(runs, 3) },
);
const results = args['parse-only']
  ? []
  : await page.evaluate(async (opts) => (await import('./search-page.mjs')).bench(opts), { sizes, runs, queries });
await browser.close();
server.close();

const f = (x, d = 3) => x.toFixed(d);
console.log('Feed parsing in the page (median ms; papers per second)');
for (const p of parsed) {
  const rate = Math.round((p.papers / p.wasm) * 1000);
  const json = p.json === null ? '' : `; JSON.parse alone ${f(p.json, 0)} ms`;
  console.log(`  ${p.file.padEnd(22)} ${f(p.mb, 1).padStart(6)} MB  ${p.papers} papers  PaperSift ${f(p.wasm, 0)} ms = ${rate}/s${json}`);
  if (p.streamed !== null) {
    const shown = p.first === null ? 'no preview' : `first rows decoded after ${f(p.first, 1)} ms`;
    console.log(`  ${''.padEnd(22)} in 64 KB parts as downloaded: ${f(p.streamed, 0)} ms, ${shown}`);
  }
}
const lat = (s) => `${f(s.p50)} / ${f(s.p95)} / ${f(s.max, 2)}`;
console.log(`${queries.length} queries x ${runs} runs (MiniSearch: 1 run above 20k papers); cross-origin isolated: ${isolated}; times in ms`);
for (const r of results) {
  console.log(`\n${r.papers} papers`);
  console.log(`  PaperSift wasm   build ${f(r.wasmBuild, 0)} (longest step ${f(r.wasmLongestStep, 0)}, JSON load ${f(r.wasmLoad, 0)})  index ${f(r.wasmIndexMB, 1)} MB  query p50/p95/max ${lat(r.wasm)}  trending re-rank ${f(r.wasmTrending, 2)}`);
  console.log(`  For you          features ${f(r.forYouPrepare, 0)} (longest step ${f(r.forYouLongestStep, 0)})  ${f(r.forYouMB, 1)} MB  train on 10 + score all: median ${f(r.forYouTrain, 0)}, max ${f(r.forYouTrainMax, 0)}  (cs.RO in top 20: ${f(r.forYouHits, 1)})`);
  console.log(`  PaperSift wasm   index file ${f(r.wasmFileMB, 1)} MB read and checked in ${f(r.wasmFileLoad, 0)} (longest step ${f(r.wasmFileLongestStep, 0)}), catalog on it ${f(r.wasmCatalog, 0)}`);
  console.log(`  typed-array BM25 build ${f(r.typedBuild, 0)}  heap ${f(r.typedMB, 1)} MB  query p50/p95/max ${lat(r.typed)}`);
  console.log(`  MiniSearch       build ${f(r.miniBuild, 0)}  heap ${f(r.miniMB, 1)} MB  query p50/p95/max ${lat(r.mini)}`);
  console.log(`  p95 ratio: typed-array / PaperSift ${f(r.typed.p95 / r.wasm.p95, 1)}x, MiniSearch / PaperSift ${f(r.mini.p95 / r.wasm.p95, 1)}x; p50 ratios ${f(r.typed.p50 / r.wasm.p50, 1)}x, ${f(r.mini.p50 / r.wasm.p50, 1)}x`);
}
