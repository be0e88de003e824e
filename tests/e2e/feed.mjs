// Expected counts, computed from the shipped feed file independently of the app.
import { readFileSync } from 'node:fs';

const feed = JSON.parse(readFileSync(new URL('../../public/feeds/default.json', import.meta.url)));
export const papers = feed.papers;

export const latestDay = papers.map((p) => p.listed).sort().at(-1);

/** Papers listed on one day (YYYY-MM-DD). */
export const onDay = (day) => papers.filter((p) => p.listed === day);

/** Monday-to-Sunday week containing `day`. */
export function inWeekOf(day) {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d);
  monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  const [from, to] = [monday, sunday].map((x) => x.toISOString().slice(0, 10));
  return papers.filter((p) => p.listed >= from && p.listed <= to);
}

/** Papers whose title or abstract holds `q` as a case-insensitive substring. */
export const matching = (list, q) =>
  list.filter((p) => `${p.title}\n${p.abstract ?? ''}`.toLowerCase().includes(q.toLowerCase()));
