// Prints the release build's transfer sizes (raw, gzip -9, brotli -11) of wasm, JS and CSS.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const name of readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const body = readFileSync(join(dist, name));
  const sizes = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  console.log(`${name.padEnd(40)} raw ${kb(sizes.raw).padStart(10)}  gzip ${kb(sizes.gzip).padStart(9)}  brotli ${kb(sizes.brotli).padStart(9)}`);
}
console.log(`${'app total (wasm + js + css)'.padEnd(40)} raw ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(9)}  brotli ${kb(total.brotli).padStart(9)}`);
