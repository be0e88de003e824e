// A scratch folder under the system's temp folder, removed when the process ends (done, failed,
// Ctrl-C or SIGTERM): benchmarks copy hundreds of megabytes there, and leftovers once filled a
// CI machine's disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
// Ctrl-C or a runner's SIGTERM would skip 'exit' handlers; leave through process.exit instead.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.once(signal, () => process.exit(code));

/** Makes a new folder named `papersift-<prefix>-XXXXXX`, to be removed at exit. */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `papersift-${prefix}-`));
  made.push(dir);
  return dir;
}
