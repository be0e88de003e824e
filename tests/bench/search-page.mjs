// Runs in the benchmark page: the same papers and queries through PaperSift's wasm engine,
// MiniSearch, and a plain typed-array BM25 index written here (the strong JS baseline).
import init, * as engine from './engine.js';
import MiniSearch from './minisearch.js';

const now = () => performance.now();
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p) => sorted[Math.round((sorted.length - 1) * p)];
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

function heap() {
  globalThis.gc?.();
  return performance.memory?.usedJSHeapSize ?? 0;
}

/** The query as the JS baselines read it: words, "phrases" (as words), -excluded, a OR b. */
function parse(query) {
  const tokens = query.match(/-?"[^"]*"|\S+/g) ?? [];
  const groups = [[]];
  const excluded = [];
  for (const token of tokens) {
    if (token === 'OR') {
      groups.push([]);
    } else if (token.startsWith('-')) {
      excluded.push(...words(token.slice(1)));
    } else {
      groups.at(-1).push(...words(token));
    }
  }
  // The last word typed is a prefix, as in the app.
  const prefix = !query.endsWith('"') && !query.endsWith(' ');
  return { groups: groups.filter((g) => g.length), excluded, prefix };
}

const words = (text) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

// ---------- typed-array BM25 (k1 1.2, b 0.75) over title + abstract + authors ----------
class TypedBm25 {
  constructor(docs) {
    const vocab = new Map();
    const lists = [];
    const lens = new Uint32Array(docs.length);
    const counts = new Map();
    docs.forEach((d, doc) => {
      counts.clear();
      const tokens = words(`${d.title} ${d.abstract} ${d.authors.join(' ')}`);
      lens[doc] = tokens.length;
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, tf] of counts) {
        let id = vocab.get(t);
        if (id === undefined) {
          id = lists.length;
          vocab.set(t, id);
          lists.push([]);
        }
        lists[id].push(doc, tf);
      }
    });
    const avg = lens.reduce((a, b) => a + b, 0) / docs.length;
    this.n = docs.length;
    this.vocab = vocab;
    this.terms = [...vocab.keys()].sort();
    this.docs = [];
    this.weights = [];
    for (const list of lists) {
      const m = list.length / 2;
      const ids = new Uint32Array(m);
      const w = new Float32Array(m);
      const idf = Math.log(1 + (docs.length - m + 0.5) / (m + 0.5));
      for (let i = 0; i < m; i += 1) {
        const doc = list[2 * i];
        const tf = list[2 * i + 1];
        ids[i] = doc;
        w[i] = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * lens[doc]) / avg));
      }
      this.docs.push(ids);
      this.weights.push(w);
    }
    this.scores = new Float32Array(docs.length);
    this.hits = new Uint8Array(docs.length);
  }

  expand(prefix) {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const found = [];
    for (let i = lo; i < this.terms.length && this.terms[i].startsWith(prefix); i += 1) found.push(this.vocab.get(this.terms[i]));
    // Capped like the engine: the most frequent, 8 per letter typed.
    found.sort((a, b) => this.docs[b].length - this.docs[a].length);
    return found.slice(0, Math.min(48, 8 * prefix.length));
  }

  search(query, limit) {
    const { groups, excluded, prefix } = parse(query);
    const { scores, hits } = this;
    scores.fill(0);
    hits.fill(0);
    let need = 0;
    groups.forEach((group, g) => {
      group.forEach((word, i) => {
        const last = prefix && g === groups.length - 1 && i === group.length - 1;
        const ids = last ? this.expand(word) : [this.vocab.get(word)].filter((x) => x !== undefined);
        const bit = 1 << Math.min(need, 7);
        need += 1;
        for (const id of ids) {
          const docs = this.docs[id];
          const w = this.weights[id];
          for (let k = 0; k < docs.length; k += 1) {
            scores[docs[k]] += w[k];
            hits[docs[k]] |= bit;
          }
        }
      });
    });
    const masks = [];
    let bit = 0;
    for (const group of groups) {
      let m = 0;
      for (let i = 0; i < group.length; i += 1) m |= 1 << Math.min(bit++, 7);
      masks.push(m);
    }
    for (const word of excluded) {
      const id = this.vocab.get(word);
      if (id !== undefined) for (const doc of this.docs[id]) hits[doc] = 0;
    }
    // Top k by a bounded insertion list; the count alongside.
    const top = [];
    let count = 0;
    for (let doc = 0; doc < this.n; doc += 1) {
      const h = hits[doc];
      if (h === 0 || !masks.some((m) => (h & m) === m)) continue;
      count += 1;
      const s = scores[doc];
      if (top.length < limit || s > top.at(-1)[0]) {
        let i = top.length;
        while (i > 0 && top[i - 1][0] < s) i -= 1;
        top.splice(i, 0, [s, doc]);
        if (top.length > limit) top.pop();
      }
    }
    return count;
  }
}

function miniQuery(query) {
  const { groups, excluded } = parse(query);
  const any = groups.map((g) => ({ queries: g, combineWith: 'AND' }));
  const positive = any.length === 1 ? any[0] : { queries: any, combineWith: 'OR' };
  return excluded.length ? { queries: [positive, { queries: excluded, combineWith: 'OR' }], combineWith: 'AND_NOT' } : positive;
}

async function timeQueries(queries, runs, run) {
  const times = [];
  for (let r = 0; r < runs; r += 1) {
    for (const q of queries) {
      const t = now();
      run(q);
      times.push(now() - t);
    }
    await pause();
  }
  return stats(times);
}

/** Feed parsing as the app does it (fetch's bytes into wasm, parse into papers), against `JSON.parse`. */
export async function parseBench({ files, runs }) {
  await init();
  const rows = [];
  for (const file of files) {
    const bytes = new Uint8Array(await (await fetch(`./${file}`)).arrayBuffer());
    const wasm = [];
    let papers = 0;
    for (let r = 0; r < runs; r += 1) {
      const t = now();
      papers = engine.parse(bytes);
      wasm.push(now() - t);
      await pause();
    }
    // As the app decodes a download: 64 KB parts, the first rows once a preview is ready.
    const streamed = [];
    const first = [];
    for (let r = 0; r < runs && file.startsWith('papersift'); r += 1) {
      const t = now();
      engine.stream_start();
      let shown = 0;
      for (let at = 0; at < bytes.length; at += 65536) {
        if (engine.stream_push(bytes.subarray(at, at + 65536)) > 0 && shown === 0) {
          shown = 1;
          first.push(now() - t);
        }
      }
      engine.stream_finish();
      streamed.push(now() - t);
      await pause();
    }
    const text = new TextDecoder().decode(bytes);
    const json = [];
    if (!file.endsWith('.xml')) {
      for (let r = 0; r < runs; r += 1) {
        const t = now();
        JSON.parse(text);
        json.push(now() - t);
        await pause();
      }
    }
    rows.push({
      file, mb: bytes.length / 1e6, papers, wasm: stats(wasm).p50, json: json.length ? stats(json).p50 : null,
      streamed: streamed.length ? stats(streamed).p50 : null, first: first.length ? stats(first).p50 : null,
    });
  }
  return rows;
}

export async function bench({ sizes, runs, queries }) {
  await init();
  const all = await (await fetch('./data.json')).json();
  const results = [];
  for (const size of sizes) {
    const docs = all.slice(0, size);
    const row = { papers: docs.length };

    // PaperSift: load, then index in steps of 2,000 papers, yielding between steps.
    const json = JSON.stringify(docs);
    let t = now();
    engine.load(json);
    row.wasmLoad = now() - t;
    let longest = 0;
    let total = 0;
    for (;;) {
      t = now();
      const done = engine.build_step(2000);
      const step = now() - t;
      total += step;
      longest = Math.max(longest, step);
      if (done) break;
      await pause();
    }
    row.wasmBuild = total;
    row.wasmLongestStep = longest;
    row.wasmIndexMB = engine.index_bytes() / 1e6;
    // The same index shipped as a file: read, checked in steps of 2,000 terms (as the app's
    // shipped_index.rs steps), matched to the
    // papers in a step of its own, then the
    // catalog made on it (what the build's last step also does, after its index).
    const counts = queries.map((q) => engine.search(q, 50));
    const file = engine.index_file();
    row.wasmFileMB = file.length / 1e6;
    engine.load_index_prepare();
    t = now();
    engine.load_index_start(file);
    longest = now() - t;
    total = longest;
    for (;;) {
      t = now();
      const done = engine.load_index_step(2000);
      const step = now() - t;
      total += step;
      longest = Math.max(longest, step);
      if (done) break;
      await pause();
    }
    await pause();
    t = now();
    engine.load_index_finish();
    const finish = now() - t;
    longest = Math.max(longest, finish);
    total += finish;
    row.wasmFileLoad = total;
    row.wasmFileLongestStep = longest;
    t = now();
    engine.use_loaded_index();
    row.wasmCatalog = now() - t;
    // Timed first, on the new catalog: a phrase's first check is part of the figures.
    row.wasm = await timeQueries(queries, runs, (q) => engine.search(q, 50));
    if (queries.some((q, i) => engine.search(q, 50) !== counts[i])) throw new Error('the loaded index answers differently');
    t = now();
    for (let i = 0; i < runs; i += 1) engine.trending(50);
    row.wasmTrending = (now() - t) / runs;

    // For you: features in steps of 2,000 papers, then train on 10 cs.RO papers + score all.
    longest = 0;
    total = 0;
    for (;;) {
      t = now();
      const done = engine.foryou_step(2000);
      const step = now() - t;
      total += step;
      longest = Math.max(longest, step);
      if (done) break;
      await pause();
    }
    row.forYouPrepare = total;
    row.forYouLongestStep = longest;
    row.forYouMB = engine.foryou_bytes() / 1e6;
    const trains = [];
    row.forYouHits = 0;
    for (let i = 0; i < runs; i += 1) {
      t = now();
      row.forYouHits += engine.foryou_train('cs.RO', 10, i + 1);
      trains.push(now() - t);
      await pause();
    }
    trains.sort((a, b) => a - b);
    row.forYouTrain = trains[Math.floor(trains.length / 2)];
    row.forYouTrainMax = trains.at(-1);
    row.forYouHits /= runs;

    // The typed-array BM25 baseline.
    let before = heap();
    t = now();
    let typed = new TypedBm25(docs);
    row.typedBuild = now() - t;
    row.typedMB = (heap() - before) / 1e6;
    row.typed = await timeQueries(queries, runs, (q) => typed.search(q, 50));
    typed = null;

    // MiniSearch: BM25 with prefix search on the last word, AND.
    before = heap();
    t = now();
    let mini = new MiniSearch({ fields: ['title', 'abstract', 'authorsText'], storeFields: [] });
    mini.addAll(docs.map((d, id) => ({ id, title: d.title, abstract: d.abstract, authorsText: d.authors.join(' ') })));
    row.miniBuild = now() - t;
    row.miniMB = (heap() - before) / 1e6;
    const miniRuns = docs.length > 20000 ? 1 : runs;
    row.mini = await timeQueries(queries, miniRuns, (q) => {
      const found = mini.search(miniQuery(q), { prefix: (_term, i, terms) => i === terms.length - 1 });
      return found.slice(0, 50).length + found.length;
    });
    mini = null;
    results.push(row);
    await pause();
  }
  return results;
}
