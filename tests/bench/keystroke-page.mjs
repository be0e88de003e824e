// The baseline of the keystroke benchmark: the same feed searched with MiniSearch (BM25,
// prefix search, AND) and the top 50 drawn with plain DOM calls, on every input event.
// With `floor` in the query string it draws the list once and then only echoes the query.
// With `echo` as well, the query goes to a worker that only sends it back, and the page
// writes it when it returns: the least round trip to a worker this browser allows while
// typing, timed as PaperSift times a look's (User Timing `papersift-look`, from the message
// posted to its answer received).
import MiniSearch from './minisearch.js';

const params = new URLSearchParams(location.search);
const feed = await (await fetch(params.get('feed'))).json();
const papers = feed.papers;
const floor = params.has('floor');
const echo = params.has('echo') ? new Worker('echo-worker.mjs', { type: 'module' }) : null;
const search = new MiniSearch({
  fields: ['title', 'abstract', 'authors'],
  storeFields: [],
  extractField: (doc, field) => (field === 'authors' ? doc.authors.join(' ') : doc[field]),
  searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 3 } },
});
search.addAll(papers.map((p, id) => ({ ...p, id })));

const status = document.createElement('p');
status.setAttribute('role', 'status');
const input = document.createElement('input');
input.type = 'search';
input.setAttribute('aria-label', 'Search papers');
const list = document.createElement('ol');
list.className = 'papers';
document.body.append(input, status, list);

function card(paper) {
  const article = document.createElement('article');
  const title = document.createElement('h2');
  title.textContent = paper.title;
  const authors = document.createElement('p');
  authors.textContent = paper.authors.join(', ');
  const abstract = document.createElement('p');
  abstract.textContent = paper.abstract.length > 300 ? `${paper.abstract.slice(0, 300)}…` : paper.abstract;
  article.append(title, authors, abstract);
  const item = document.createElement('li');
  item.append(article);
  return item;
}

let sent = 0;
if (echo) {
  echo.onmessage = ({ data }) => {
    performance.measure('papersift-look', `look-${data.seq}`);
    status.textContent = `${papers.length} papers (${data.query})`;
  };
}

function show() {
  const query = input.value.trim();
  if (echo && list.children.length) {
    sent += 1;
    performance.mark(`look-${sent}`);
    echo.postMessage({ seq: sent, query });
    return;
  }
  if (floor && list.children.length) {
    status.textContent = `${papers.length} papers (${query})`;
    return;
  }
  const ids = query ? search.search(query).map((r) => r.id) : papers.map((_, i) => i);
  status.textContent = `${ids.length} papers`;
  list.replaceChildren(...ids.slice(0, 50).map((i) => card(papers[i])));
}
input.addEventListener('input', show);
show();
document.body.dataset.ready = '1';
