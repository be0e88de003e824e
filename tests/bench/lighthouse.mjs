// Lighthouse scores of the release build (dist/) served on loopback under a sub-path, on the
// desktop and the mobile profile. Run through scripts/lighthouse.sh, which installs
// lighthouse@12 under target/ on first use.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

import { serveStatic } from '../e2e/server.mjs';

const cli = process.argv[2];
const app = await serveStatic(fileURLToPath(new URL('../../dist', import.meta.url)));
for (const profile of ['desktop', 'mobile']) {
  const args = [
    cli, app.url, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    ...(profile === 'desktop' ? ['--preset=desktop'] : []),
  ];
  // Asynchronous: this process also serves the pages Lighthouse loads.
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 28, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
  const report = JSON.parse(stdout);
  const scores = Object.values(report.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
  console.log(`${profile}: ${scores.join(', ')}`);
  for (const audit of Object.values(report.audits)) {
    if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative') {
      console.log(`  ${audit.id}: ${audit.score} ${audit.displayValue ?? ''}`);
      // Accessibility failures name their elements.
      if (report.categories.accessibility.auditRefs.some((r) => r.id === audit.id)) {
        for (const item of audit.details?.items ?? []) console.log(`    ${item.node?.snippet ?? ''} ${item.node?.explanation?.split('\n')[0] ?? ''}`);
      }
    }
  }
}
await app.close();
