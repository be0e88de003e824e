// A tiny static server for the release build, on loopback only, under a sub-path
// (as on a static host such as GitHub Pages) to prove relative asset URLs.
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.atom': 'application/atom+xml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `root` at http://127.0.0.1:<port><prefix>; resolves to { url, close }. `mounts` maps
 * a first path segment to another folder (benchmarks serve their generated feeds so).
 */
export async function serveStatic(root, prefix = '/papersift/', mounts = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    try {
      const [first, ...rest] = rel.split(/[/\\]/);
      const body = await readFile(first in mounts ? join(mounts[first], ...rest) : join(root, rel));
      // As a static host does: compressed when the browser accepts it, and trunk's hashed
      // files cached for good.
      const headers = { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', vary: 'accept-encoding' };
      headers['cache-control'] = /-[0-9a-f]{16}(_bg)?\.\w+$/.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache';
      const accepted = req.headers['accept-encoding'] ?? '';
      let sent = body;
      // Benchmark feeds of 100 MB go as they are: compressing them on every request would
      // time this server, not the app.
      if (body.length > 32 << 20) {
        // sent as is
      } else if (accepted.includes('br')) {
        headers['content-encoding'] = 'br';
        sent = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
      } else if (accepted.includes('gzip')) {
        headers['content-encoding'] = 'gzip';
        sent = gzipSync(body);
      }
      res.writeHead(200, headers);
      res.end(sent);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    // Open keep-alive connections would hold close() (and a test stopping the server) forever.
    close: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}
