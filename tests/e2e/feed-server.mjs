// A second loopback server (another origin) playing the feeds a reader might add:
// valid, hostile, truncated, silent, and one without CORS headers.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { latestDay, onDay } from './feed.mjs';
import { hostileBody } from './hostile-cases.mjs';

const day = `${latestDay}T09:00:00Z`;
/** The day after the default feed's latest: the slow feed's newest papers are listed then. */
export const dayAfter = new Date(Date.parse(`${latestDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** How many papers /slow.json sends at once, and how many more after /release-slow. */
export const SLOW_EARLY = 30;
export const SLOW_REST = 3_000;
// One paper the default feed also has (merged, not doubled), and one it lacks.
const shared = onDay(latestDay)[0];

export const valid = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Extra papers',
  items: [
    { id: `https://arxiv.org/abs/${shared.id}v2`, title: shared.title, content_text: 'Same paper.', date_published: day, authors: [{ name: 'Someone' }] },
    { id: 'https://arxiv.org/abs/2608.99999', title: 'Extra Paper About Quokkas', content_text: 'Marsupials and transformers.', date_published: day },
  ],
};

export const hostile = {
  version: 'https://jsonfeed.org/version/1.1',
  items: [
    {
      id: 'hostile-1',
      url: 'javascript:window.__pwned=1',
      external_url: 'data:text/html,<script>window.__pwned=1</script>',
      title: '<img src=x onerror="window.__pwned=1;alert(1)">Hostile title',
      content_text: '<script>window.__pwned=1</script><b onmouseover="alert(1)">bold?</b>',
      authors: [{ name: '<svg onload="alert(1)">' }],
      date_published: day,
    },
  ],
};

// A feed shipping its search index (the converter's --index), as written (fixture), without
// the index named, and naming a damaged copy of the index (one byte short).
const fixture = (name) => readFileSync(new URL(`../fixtures/shipped_index/${name}`, import.meta.url));
const shippedFeed = JSON.parse(fixture('listing.json'));
const shippedIndex = fixture('listing.index');
export const shippedPapers = shippedFeed.papers;
const shipped = {
  '/shipped/listing.json': JSON.stringify(shippedFeed),
  '/shipped/listing.index': shippedIndex,
  '/plain.json': JSON.stringify({ ...shippedFeed, index: undefined }),
  '/damaged.json': JSON.stringify({ ...shippedFeed, index: 'damaged.index' }),
  '/damaged.index': shippedIndex.subarray(0, shippedIndex.length - 1),
};

/** Starts the server; resolves to { origin, close }. */
export async function startFeedServer() {
  const sockets = new Set();
  let flakyServed = 0;
  let releaseSlow;
  const requests = [];
  const server = createServer((req, res) => {
    const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/feed+json' };
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname + url.search);
    const hostileFeed = url.pathname.startsWith('/hostile/') && hostileBody(url.pathname);
    if (hostileFeed) {
      res.writeHead(200, { ...cors, 'content-type': 'text/plain' }).end(hostileFeed);
      return;
    }
    if (url.pathname in shipped) {
      res.writeHead(200, { ...cors, 'content-type': 'application/octet-stream' }).end(shipped[url.pathname]);
      return;
    }
    switch (url.pathname) {
      case '/daily': {
        // A live daily-papers API: one paper per requested day, in Hugging Face's format.
        const date = url.searchParams.get('date');
        const paper = {
          paper: {
            id: `2609.${date.replaceAll('-', '').slice(2)}`, title: `Live paper of ${date}`, summary: 'Live.',
            authors: [{ name: 'Live Author' }], publishedAt: `${date}T00:00:00.000Z`, upvotes: 1,
            submittedOnDailyAt: `${date}T00:00:00.000Z`,
          },
          numComments: 0,
        };
        res.writeHead(200, cors).end(JSON.stringify([paper]));
        break;
      }
      case '/big.json': {
        // Enough papers that the app indexes them in steps between frames.
        const papers = Array.from({ length: 6000 }, (_, i) => ({
          id: `big-${i}`, title: `Big feed paper ${i} on ${i % 3 === 0 ? 'wombats' : 'lemurs'}`,
          abstract: 'Filler text about marsupials and primates.', listed: latestDay,
        }));
        res.writeHead(200, cors).end(JSON.stringify({ papersift_feed: 1, title: 'Big', papers }));
        break;
      }
      case '/slow.json': {
        // A PaperSift feed whose newest day arrives at once and the rest only when released.
        const paper = (i, listed, what) => JSON.stringify({ id: `slow-${i}`, title: `${what} paper ${i}`, listed });
        const early = Array.from({ length: SLOW_EARLY }, (_, i) => paper(i, dayAfter, 'Early'));
        const rest = Array.from({ length: SLOW_REST }, (_, i) => paper(SLOW_EARLY + i, latestDay, 'Later'));
        res.writeHead(200, cors);
        res.write(`{"papersift_feed":1,"title":"Slow","papers":[${early.join(',')},${rest[0]}`);
        releaseSlow = () => res.end(`,${rest.slice(1).join(',')}]}`);
        break;
      }
      case '/release-slow':
        releaseSlow?.();
        res.writeHead(204, cors).end();
        break;
      case '/valid.json':
        res.writeHead(200, cors).end(JSON.stringify(valid));
        break;
      case '/hostile.json':
        res.writeHead(200, cors).end(JSON.stringify(hostile));
        break;
      case '/truncated.json':
        res.writeHead(200, cors).end(JSON.stringify(valid).slice(0, 120));
        break;
      case '/old.json':
        res.writeHead(200, cors).end(JSON.stringify({ ...valid, items: [{ ...valid.items[1], id: 'old-1', date_published: '2026-01-05T00:00:00Z' }] }));
        break;
      case '/nocors.json':
        res.writeHead(200, { 'content-type': 'application/feed+json' }).end(JSON.stringify(valid));
        break;
      case '/flaky.json':
        // Good once, garbled ever after.
        flakyServed += 1;
        res.writeHead(200, cors).end(flakyServed === 1 ? JSON.stringify(valid) : '{"version": "https://jsonfe');
        break;
      case '/silent.json':
        break; // never answers
      default:
        res.writeHead(404, cors).end('not found');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
