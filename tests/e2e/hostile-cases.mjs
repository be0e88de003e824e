// The hostile feeds of the audit behind issue #22, one per case, as the feed server serves
// them (`/hostile/<name>`): each was a panic, a freeze or an uncapped paper before
// `feed::limits`. Used by hostile.test.mjs (what the reader sees) and
// tests/bench/hostile.mjs (how long the main thread is blocked). Bodies are built on first
// request and kept.
import { latestDay } from './feed.mjs';

// The feeds' own limits (src/domain/feed/limits.rs, xml.rs): kept in step by the tests that
// read the notices these produce.
const MAX_ELEMENTS = 4_000_000;
const MAX_ENTRIES = 200_000;

const day = `${latestDay}T09:00:00Z`;
const papersift = (papers) => JSON.stringify({ papersift_feed: 1, title: 'Hostile', papers });
const atom = (entry) =>
  `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><title>Hostile</title>${entry}</feed>`;
const rss = (items) => `<rss><channel><title>Hostile</title>${items}</channel></rss>`;
const repeat = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join('');
const categories = (order) =>
  rss(`<item><guid>https://arxiv.org/abs/2608.77777</guid><title>Thirty thousand categories</title><pubDate>${new Date(day).toUTCString()}</pubDate>${repeat(30_000, (i) => `<category>c${order(i)}</category>`)}</item>`);
const hfPaper = (id, title, authors, on = day) => ({
  paper: { id, title, summary: 'Hostile.', authors, publishedAt: on, upvotes: 1, submittedOnDailyAt: on },
  numComments: 0,
});

/**
 * Each case: `name`, the `feeds` it loads (paths on the feed server), any `extra` link
 * parameters, what the reader is told (`says`, a pattern of the notice or alert), and how
 * many papers it adds to the latest day's list (`adds`).
 */
export const cases = [
  {
    name: 'dates at the ends of the calendar (weekly view)',
    feeds: ['/hostile/dates.json'],
    extra: 'period=weekly',
    says: /dates\.json: 2 entries skipped: 2 listed on an implausible date/,
    adds: 1,
    body: () => papersift([
      { id: 'min', title: 'Minimum date', listed: '-262143-01-01' },
      { id: 'far', title: 'Far future', listed: '9999-12-31' },
      { id: 'real', title: 'Real hostile-feed paper', listed: latestDay },
    ]),
  },
  {
    name: 'one paper with 20,000 links',
    feeds: ['/hostile/links.json'],
    says: /links\.json: 1 paper trimmed to the limits/,
    adds: 1,
    body: () => papersift([{ id: 'links', title: 'Twenty thousand links', listed: latestDay, other_links: Array.from({ length: 20_000 }, (_, i) => `https://example.org/${i}`) }]),
  },
  {
    name: 'an Atom author with 20,000 affiliations',
    feeds: ['/hostile/affiliations.xml'],
    says: /affiliations\.xml: 1 paper trimmed to the limits/,
    adds: 1,
    body: () => atom(`<entry><id>http://arxiv.org/abs/2608.88888v1</id><title>Twenty thousand affiliations</title><published>${day}</published><author><name>A</name>${repeat(20_000, (i) => `<arxiv:affiliation>Lab ${i}</arxiv:affiliation>`)}</author></entry>`),
  },
  {
    name: 'one paper in two feeds with 30,000 categories each (merged)',
    feeds: ['/hostile/categories-a.xml', '/hostile/categories-b.xml'],
    says: /categories-b\.xml: 1 paper trimmed to the limits/,
    adds: 1,
    body: (path) => categories(path.endsWith('a.xml') ? (i) => i : (i) => 29_999 - i),
  },
  {
    name: 'a 5 MB title',
    feeds: ['/hostile/title.json'],
    says: /title\.json: 1 paper trimmed to the limits/,
    adds: 1,
    body: () => papersift([{ id: 'title', title: `Bell\u0007${'x'.repeat(5_000_000)}`, listed: latestDay }]),
  },
  {
    name: 'a Hugging Face paper with 1,000,000 authors',
    feeds: ['/hostile/authors.json'],
    says: /authors\.json: 1 paper trimmed to the limits/,
    adds: 1,
    body: () => JSON.stringify([hfPaper('2608.66666', 'A million authors', Array.from({ length: 1_000_000 }, (_, i) => ({ name: `Author ${i}` })))]),
  },
  {
    name: `${MAX_ELEMENTS + 1} empty XML elements`,
    feeds: ['/hostile/elements.xml'],
    says: /elements\.xml: the feed has more than 4000000 elements/,
    adds: 0,
    body: () => rss('<x/>'.repeat(MAX_ELEMENTS + 1)),
  },
  {
    name: 'RSS items without any date',
    feeds: ['/hostile/undated.xml'],
    says: /undated\.xml: 2 entries skipped: 2 missing date/,
    adds: 0,
    body: () => rss('<item><guid>u1</guid><title>Undated one</title></item><item><guid>u2</guid><title>Undated two</title></item>'),
  },
];

/**
 * 200,000 entries and 3 more, listed long before the default feed's days (so the default view
 * stays): slow to index (in steps), so only the bench runs it.
 */
export const overLimit = {
  name: `${MAX_ENTRIES + 3} Hugging Face entries`,
  feeds: ['/hostile/entries.json'],
  says: /entries\.json: 3 entries skipped: 3 over the 200,000-entry limit/,
  adds: 0,
  body: () => `[${Array.from({ length: MAX_ENTRIES + 3 }, (_, i) => JSON.stringify(hfPaper(`h${i}`, `Entry ${i}`, [{ name: 'A' }], '2026-01-05T09:00:00Z'))).join(',')}]`,
};

const built = new Map();

/** The body of `/hostile/<name>` (a string), or undefined for an unknown path. */
export function hostileBody(path) {
  if (!built.has(path)) {
    const found = [...cases, overLimit].find((c) => c.feeds.includes(path));
    if (!found) return undefined;
    built.set(path, found.body(path));
  }
  return built.get(path);
}
