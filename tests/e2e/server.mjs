// A tiny dependency-free static server for the built dist/, behaving like a
// plain static host: files are served under a sub-path (default /tools/csto/),
// a directory URL serves its index.html, anything else that is not a file is a
// 404 (no single-page-app fallback to index.html).
//
// By default nothing is compressed, like the plainest host (nginx's default
// `gzip_types` leaves out wasm; `python -m http.server` compresses nothing).
// `compress: true` behaves like hosts that compress on the fly (Netlify,
// Cloudflare Pages, nginx with `gzip_types application/wasm ...`): brotli or
// gzip, chosen from Accept-Encoding, for text and wasm responses.
// `precompressed: true` behaves like a static host serving the build's own
// precompressed files (nginx `brotli_static`/`gzip_static`, Caddy
// `precompressed br gzip`): for a request of X it sends X.br with
// `content-encoding: br` when the client accepts br and X.br exists, else X.gz
// with `content-encoding: gzip` when it accepts gzip and X.gz exists, else X as
// it is (or compressed on the fly if `compress` is also set). scripts/post-build.sh
// writes these copies beside every file of a release build that compresses.
//
//   import { startServer } from './server.mjs';
//   const srv = await startServer({ root: 'dist', base: '/tools/csto/', csp: true });
//   srv.url        // 'http://127.0.0.1:PORT/tools/csto/'
//   srv.requests   // [{ method, url, path, status, bytes, encoding, t }] every request served
//                  // (bytes: the body sent, i.e. the compressed bytes when encoded)
//   srv.cspReports // with cspReports: true, the CSP violation reports browsers sent
//   await srv.close();
//
// Also runnable by hand: node tests/e2e/server.mjs [root] [base] [--csp] [--compress] [--precompressed] [--port N]

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { inlineScriptHashes, buildCsp } from '../../scripts/hosting-config.mjs';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
};

/** Types a compressing host compresses (images and fonts are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|xml|manifest\+json)|image\/svg\+xml)/;

/** The encoding a compressing host would pick for `type` and this Accept-Encoding: 'br', 'gzip' or null. */
export function chooseEncoding(type, acceptEncoding = '') {
  if (!COMPRESSIBLE.test(type)) return null;
  return acceptsEncoding(acceptEncoding, 'br') ? 'br' : acceptsEncoding(acceptEncoding, 'gzip') ? 'gzip' : null;
}

/** Whether this Accept-Encoding accepts `name` (listed, and not with q=0). */
export function acceptsEncoding(acceptEncoding, name) {
  return new RegExp(`(^|[\\s,])${name}(?![\\w-])(?!;q=0(\\.0*)?([\\s,]|$))`).test(acceptEncoding);
}

/** The precompressed copy a static host would send for `file`: { file: 'X.br', encoding: 'br' }, the .gz likewise, or null. */
export async function precompressedCopy(file, acceptEncoding = '') {
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!acceptsEncoding(acceptEncoding, encoding)) continue;
    const stat = await fsp.stat(file + ext).catch(() => null);
    if (stat && stat.isFile()) return { file: file + ext, encoding };
  }
  return null;
}

/** `body` compressed with `encoding` (brotli at quality 11, as for precompressed files; gzip -9). */
export function compressBody(body, encoding) {
  if (encoding === 'br') {
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    return zlib.brotliCompressSync(body, { params });
  }
  return encoding === 'gzip' ? zlib.gzipSync(body, { level: 9 }) : body;
}

// The policy is computed by the same code as the hosting configurations
// (scripts/hosting-config.mjs, docs/hosting.md).
export { inlineScriptHashes, buildCsp };

/**
 * Start serving `root` under `base` on 127.0.0.1 and a free port.
 * @param {{root?: string, base?: string, csp?: boolean|string, compress?: boolean, precompressed?: boolean, port?: number, cspReports?: boolean}} opts
 *   csp: true → the strict policy from buildCsp(root); a string → that policy verbatim.
 *   cspReports: true → the policy gets `report-uri <base>__csp-report`; reports land in cspReports.
 *   compress: true → brotli/gzip by Accept-Encoding (see chooseEncoding); default off.
 *   precompressed: true → X.br / X.gz when accepted and present (see precompressedCopy); default off.
 * @returns {Promise<{url: string, origin: string, port: number, base: string, csp: string|null,
 *   requests: Array<{method: string, url: string, path: string, status: number, bytes: number, encoding: string|null, t: number}>,
 *   close: () => Promise<void>}>}
 */
export async function startServer({ root = 'dist', base = '/tools/csto/', csp = false, compress = false, precompressed = false, port = 0, cspReports = false } = {}) {
  root = path.resolve(root);
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`startServer: ${root}/index.html does not exist (build dist/ first: trunk build --release)`);
  }
  let policy = csp === true ? buildCsp(root) : typeof csp === 'string' ? csp : null;
  // Violations reported by the browser itself (report-uri: every engine sends
  // them, including those during page load, before any test code could listen).
  const reportPath = `${base}__csp-report`;
  if (policy && cspReports) policy += `; report-uri ${reportPath}`;
  const cspReportLog = [];
  const requests = [];
  // file + encoding → encoded body: brotli at quality 11 takes ~1 s for the
  // wasm, which a host pays once (or ahead of time), not per request.
  const encodedCache = new Map();

  const server = http.createServer(async (req, res) => {
    const entry = { method: req.method, url: req.url, path: '', status: 0, bytes: 0, encoding: null, t: Date.now() };
    requests.push(entry);
    const send = (status, headers, body) => {
      entry.status = status;
      entry.bytes = body ? body.length : 0;
      entry.encoding = headers['content-encoding'] ?? null;
      const h = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers };
      if (policy) h['content-security-policy'] = policy;
      if (body) h['content-length'] = body.length;
      res.writeHead(status, h);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => send(404, { 'content-type': 'text/plain; charset=utf-8' }, Buffer.from('404 Not Found\n'));

    try {
      let pathname;
      try {
        pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      } catch {
        return send(400, { 'content-type': 'text/plain' }, Buffer.from('400 Bad Request\n'));
      }
      entry.path = pathname;
      if (cspReports && req.method === 'POST' && pathname === reportPath) {
        const chunks = [];
        for await (const c of req) chunks.push(c);
        try {
          cspReportLog.push(JSON.parse(Buffer.concat(chunks).toString('utf8'))['csp-report'] ?? {});
        } catch {
          cspReportLog.push({ unparsed: Buffer.concat(chunks).toString('utf8').slice(0, 500) });
        }
        return send(204, {}, null);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }, Buffer.from('405\n'));
      }
      // Like a static host: the sub-path without its slash redirects to the directory.
      if (pathname + '/' === base) return send(301, { location: base }, null);
      if (!pathname.startsWith(base) || pathname.includes('\0')) return notFound();

      let file = path.join(root, pathname.slice(base.length));
      if (file !== root && !file.startsWith(root + path.sep)) return notFound();
      let stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) {
        if (!pathname.endsWith('/')) return send(301, { location: pathname + '/' }, null);
        file = path.join(file, 'index.html');
        stat = await fsp.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) return notFound();
      const type = MIME_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
      if (precompressed) {
        const copy = await precompressedCopy(file, req.headers['accept-encoding']);
        const headers = { 'content-type': type, vary: 'Accept-Encoding' };
        if (copy) return send(200, { ...headers, 'content-encoding': copy.encoding }, await fsp.readFile(copy.file));
        if (!compress) return send(200, headers, await fsp.readFile(file));
      }
      const body = await fsp.readFile(file);
      if (!compress) return send(200, { 'content-type': type }, body);
      const encoding = chooseEncoding(type, req.headers['accept-encoding']);
      const headers = { 'content-type': type, vary: 'Accept-Encoding' };
      if (!encoding) return send(200, headers, body);
      const key = `${file}\0${stat.mtimeMs}\0${encoding}`;
      if (!encodedCache.has(key)) encodedCache.set(key, compressBody(body, encoding));
      headers['content-encoding'] = encoding;
      return send(200, headers, encodedCache.get(key));
    } catch (err) {
      return send(500, { 'content-type': 'text/plain' }, Buffer.from(`500 ${err}\n`));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    url: origin + base,
    origin,
    port: actualPort,
    base,
    csp: policy,
    requests,
    cspReports: cspReportLog,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// Run by hand: node tests/e2e/server.mjs [root] [base] [--csp] [--compress] [--precompressed] [--port N]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    args.splice(i, 1);
    return true;
  };
  const csp = flag('--csp') === true;
  const compress = flag('--compress') === true;
  const precompressed = flag('--precompressed') === true;
  let port = 0;
  const pi = args.indexOf('--port');
  if (pi >= 0) {
    port = Number(args[pi + 1]);
    args.splice(pi, 2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const [root = path.join(here, '..', '..', 'dist'), base = '/tools/csto/'] = args;
  const srv = await startServer({ root, base, csp, compress, precompressed, port });
  console.log(`serving ${path.resolve(root)} at ${srv.url}${precompressed ? '\nprecompressed .br/.gz when present' : ''}${compress ? '\ncompressing (br/gzip)' : ''}${srv.csp ? `\nCSP: ${srv.csp}` : ''}`);
  const logIndex = { n: 0 };
  setInterval(() => {
    for (; logIndex.n < srv.requests.length; logIndex.n++) {
      const r = srv.requests[logIndex.n];
      console.log(`${r.status} ${r.method} ${r.url} ${r.bytes}${r.encoding ? ` ${r.encoding}` : ''}`);
    }
  }, 200);
}
