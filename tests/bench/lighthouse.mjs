// Lighthouse scores of the release build (dist/, or --dist DIR) served on loopback under a
// sub-path, on the desktop and the mobile profile. Run through scripts/lighthouse.sh, which
// installs lighthouse@12 under target/ on first use:
//   scripts/lighthouse.sh [--runs N] [--dist DIR]
// With --runs N each profile is scored N times (Lighthouse's simulated throttling varies from
// run to run): every run's metrics are printed, then the median performance score.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../e2e/server.mjs';

const [cli, ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(name) ? rest[rest.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 1));
const dist = option('--dist', fileURLToPath(new URL('../../dist', import.meta.url)));
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

const app = await serveStatic(dist);
for (const profile of ['desktop', 'mobile']) {
  const perf = [];
  for (let run = 0; run < runs; run += 1) {
    const args = [
      cli, app.url, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices,seo',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      ...(profile === 'desktop' ? ['--preset=desktop'] : []),
    ];
    // Asynchronous: this process also serves the pages Lighthouse loads.
    const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 28, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
    const report = JSON.parse(stdout);
    perf.push(Math.round(report.categories.performance.score * 100));
    const scores = Object.values(report.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
    const metrics = METRICS.map((id) => `${id.split('-').map((w) => w[0]).join('').toUpperCase()} ${report.audits[id].displayValue}`);
    console.log(`${profile}: ${scores.join(', ')}  (${metrics.join(', ')})`);
    for (const audit of Object.values(report.audits)) {
      if (run === 0 && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') {
        console.log(`  ${audit.id}: ${audit.score} ${audit.displayValue ?? ''}`);
        // Accessibility failures name their elements.
        if (report.categories.accessibility.auditRefs.some((r) => r.id === audit.id)) {
          for (const item of audit.details?.items ?? []) console.log(`    ${item.node?.snippet ?? ''} ${item.node?.explanation?.split('\n')[0] ?? ''}`);
        }
      }
    }
  }
  if (runs > 1) {
    const sorted = [...perf].sort((a, b) => a - b);
    console.log(`${profile}: performance median ${sorted[Math.floor(runs / 2)]} of ${runs} runs (${perf.join(', ')})`);
  }
}
await app.close();
