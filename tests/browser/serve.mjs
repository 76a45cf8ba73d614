// A tiny static file server for the browser runs: serves one directory on
// 127.0.0.1 and a free port, with the MIME types a Trunk bundle needs
// (application/wasm for streaming compilation), and optional extra
// response headers per path prefix (e.g. a strict CSP on some pages).
//
// It serves the bundle as a CDN would: where the release build wrote a
// precompressed copy next to a file (scripts/compress: `X.br`, `X.gz`),
// a request whose Accept-Encoding takes it gets that copy, with
// `Content-Encoding` and the file's own Content-Type; every compressible
// response carries `Vary: Accept-Encoding`. So tests and benchmarks see
// the bytes a reader gets.
//
//   import { serve } from './serve.mjs';
//   const server = await serve('dist', {
//     headers: { '/strict/': { 'Content-Security-Policy': "default-src 'self'" } },
//   });
//   console.log(server.url);   // http://127.0.0.1:PORT/
//   await server.close();
//
// As a command: `node tests/browser/serve.mjs DIR [PORT]` serves until killed.

import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import { brotliCompressSync, constants as Z, gzipSync } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The types a CDN compresses, and the suffixes scripts/compress writes. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.txt', '.map', '.xml']);
const SUFFIX = { br: '.br', gzip: '.gz' };

/**
 * The encodings an Accept-Encoding header takes, of those we have, best
 * first: br before gzip, and none with q=0. `*` takes both.
 */
export function acceptedEncodings(header) {
  const q = {};
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name] = qp ? Number(qp.slice(2)) : 1;
  }
  return ['br', 'gzip'].filter((e) => (q[e] ?? q['*'] ?? 0) > 0);
}

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.bin': 'application/octet-stream',
};

/**
 * Serves `dir` on 127.0.0.1. Options:
 * - port: 0 (default) for a free one;
 * - headers: { '/prefix': { Header: 'value' } }, added to every response
 *   whose URL path starts with the prefix (all matching prefixes apply, the
 *   longer prefix winning on a clash);
 * - index: the file for a directory (default index.html);
 * - compression, cacheControl: as for serveMounts().
 *
 * Resolves to { url, port, close() }.
 */
export async function serve(dir, options = {}) {
  const { port, url, close } = await serveMounts([{ prefix: '/', dir }], options);
  return { port, url, close };
}

/**
 * Serves several directories under URL path prefixes on one loopback port:
 * one origin of a multi-origin test (the e2e run serves the bundle on one
 * origin and the host pages on another). `mounts` is a list of
 * { prefix: '/static/v1/', dir, transform?(text, path) }: the longest
 * matching prefix wins and the rest of the path is looked up in `dir`;
 * `transform`, if given, rewrites the text of .html files (e.g. templating
 * a URL). Options:
 * - host: the host name the returned `url` and `origin` use ('127.0.0.1'
 *   by default; 'localhost' gives a second origin on the same interface).
 *   The server always listens on 127.0.0.1 (and on [::1] too for
 *   'localhost', when the machine has it);
 * - headers: as for serve(), by URL path prefix;
 * - onRequest(method, path, status, encoding): called for every response
 *   (a log; encoding is 'br', 'gzip' or 'identity');
 * - compression: true (default) to negotiate Accept-Encoding as a CDN
 *   does: the precompressed `X.br` or `X.gz` next to a file if the build
 *   wrote one (brotli preferred), else the file itself; an .html file that
 *   `transform` rewrote is compressed on the fly instead. false sends every
 *   file as it is (no Content-Encoding);
 * - cacheControl: the Cache-Control header of every file response
 *   ('no-store' by default, so a run never sees a stale bundle; the
 *   benchmarks send what the README recommends for stable file names);
 * - a request for /favicon.ico that no mount answers gets 204, so pages
 *   have no console error for it.
 *
 * Resolves to { url, origin, port, close() }.
 */
export async function serveMounts(mounts, options = {}) {
  const table = [];
  for (const m of mounts) {
    const root = resolve(m.dir);
    const st = await fs.stat(root).catch(() => null);
    if (!st || !st.isDirectory()) throw new Error(`serveMounts: ${root} is not a directory`);
    const prefix = m.prefix.endsWith('/') ? m.prefix : `${m.prefix}/`;
    table.push({ prefix, root, transform: m.transform });
  }
  table.sort((a, b) => b.prefix.length - a.prefix.length);
  const prefixes = Object.entries(options.headers || {}).sort(
    (a, b) => a[0].length - b[0].length,
  );
  const host = options.host || '127.0.0.1';
  const onRequest = options.onRequest || (() => {});
  const compression = options.compression !== false;
  const cacheControl = options.cacheControl || 'no-store';

  const handler = async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    const extra = {};
    for (const [prefix, hs] of prefixes) {
      if (path.startsWith(prefix)) Object.assign(extra, hs);
    }
    let encoding = 'identity';
    const reply = (status, headers, body) => {
      onRequest(req.method, path, status, encoding);
      res.writeHead(status, { ...headers, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method === 'OPTIONS') {
      reply(204, { allow: 'GET, HEAD, OPTIONS' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(405, { allow: 'GET, HEAD, OPTIONS' });
      return;
    }
    const m = table.find((t) => path.startsWith(t.prefix) || `${path}/` === t.prefix);
    let file = null;
    if (m) {
      const rest = path.slice(m.prefix.length);
      file = join(m.root, rest);
      if (file !== m.root && !file.startsWith(m.root + sep)) {
        reply(403, {}, 'forbidden');
        return;
      }
    }
    let info = file && (await fs.stat(file).catch(() => null));
    if (info && info.isDirectory()) {
      file = join(file, options.index || 'index.html');
      info = await fs.stat(file).catch(() => null);
    }
    if (!info || !info.isFile()) {
      if (path === '/favicon.ico') reply(204, {});
      else reply(404, { 'content-type': 'text/plain; charset=utf-8' }, `not found: ${path}`);
      return;
    }
    const ext = extname(file).toLowerCase();
    const type = MIME[ext] || 'application/octet-stream';
    const transform = m.transform && ext === '.html';
    const compressible = compression && COMPRESSIBLE.has(ext);
    const accepted = compressible ? acceptedEncodings(req.headers['accept-encoding']) : [];
    let body = null;
    if (!transform) {
      // The precompressed copy the client takes, brotli first.
      for (const enc of accepted) {
        body = await fs.readFile(`${file}${SUFFIX[enc]}`).catch(() => null);
        if (body !== null) {
          encoding = enc;
          break;
        }
      }
    }
    if (body === null) body = await fs.readFile(file).catch(() => null);
    if (body === null) {
      reply(500, {}, 'read error');
      return;
    }
    if (transform) {
      body = Buffer.from(m.transform(body.toString('utf8'), path), 'utf8');
      if (accepted.length) {
        encoding = accepted[0];
        body = encoding === 'br'
          ? brotliCompressSync(body, { params: { [Z.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(body, { level: 6 });
      }
    }
    const headers = { 'content-type': type, 'content-length': body.length, 'cache-control': cacheControl };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (compressible) headers.vary = 'Accept-Encoding';
    reply(200, headers, body);
  };

  const listen = (address, port) =>
    new Promise((ok, fail) => {
      const server = createServer(handler);
      server.keepAliveTimeout = 1000;
      server.once('error', fail);
      server.listen(port, address, () => ok(server));
    });
  const servers = [await listen('127.0.0.1', options.port || 0)];
  const { port } = servers[0].address();
  if (host === 'localhost') {
    // Chromium may try [::1] first for localhost; answer there too if we can.
    try {
      servers.push(await listen('::1', port));
    } catch {
      // no IPv6 loopback here (or the port is taken there): 127.0.0.1 will do
    }
  }
  const origin = `http://${host}:${port}`;
  return {
    port,
    origin,
    url: `${origin}/`,
    close: () =>
      Promise.all(servers.map((server) => new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }))),
  };
}

// Command-line use: serve a directory until killed.
if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const [dir = 'dist', port = '0'] = process.argv.slice(2);
  const s = await serve(dir, { port: Number(port) });
  console.log(`serving ${resolve(dir)} at ${s.url}`);
}
