#!/usr/bin/env node
// The hosting configurations of docs/hosting.md, rendered for one build, and
// the strict Content-Security-Policy they send:
//
//   node scripts/hosting-config.mjs csp [DIST]      the policy for DIST/index.html (default dist)
//   node scripts/hosting-config.mjs nginx [--dist dist] [--base /tools/csto/] [--root /srv/csto]
//        [--listen 80] [--server-name example.org]
//   node scripts/hosting-config.mjs caddy [--dist dist] [--base /tools/csto/] [--root /srv/csto]
//        [--site example.org]
//
// The templates are deploy/nginx.conf and deploy/Caddyfile: docs/hosting.md
// shows them verbatim (a test checks), and the server tests
// (tests/e2e/hosting/) render and run the same files, so the documented
// configuration is the tested one. The CSP must be rendered again for every
// build: it holds the SHA-256 of index.html's inline scripts, among them
// trunk's loader, which names the build's hashed files.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATES = { nginx: path.join(ROOT, 'deploy', 'nginx.conf'), caddy: path.join(ROOT, 'deploy', 'Caddyfile') };

/** sha256 CSP sources ('sha256-…') of every inline <script> (one without src=) in html. */
export function inlineScriptHashes(html) {
  const hashes = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const m of html.matchAll(re)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    const digest = crypto.createHash('sha256').update(m[2], 'utf8').digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

/**
 * The strict Content-Security-Policy for the build in `dist`: scripts only
 * from the app's origin, wasm compilation, and index.html's inline scripts by hash;
 * everything else (styles, images, fetches, the service worker, the
 * manifest) only from the app's origin. No 'unsafe-inline', no 'unsafe-eval'.
 */
export function buildCsp(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const scriptSrc = ["'self'", "'wasm-unsafe-eval'", ...inlineScriptHashes(html)];
  return `default-src 'self'; script-src ${scriptSrc.join(' ')}`;
}

const SAFE_PATH = /^\/([A-Za-z0-9._~-]+\/)*$/;
const SAFE_ROOT = /^\/[A-Za-z0-9._~/+-]*$/;
const SAFE_WORD = /^[A-Za-z0-9.:[\]_-]+$/;

/**
 * deploy/<kind> with its placeholders filled in.
 * @param {'nginx'|'caddy'} kind
 * @param {{dist?: string, csp?: string, base?: string, root?: string, listen?: string, serverName?: string, site?: string}} opts
 *   base: the sub-path, with a slash at both ends ('/' for the host's root);
 *   root: the directory that holds the contents of dist/ on the server;
 *   csp: the policy (default: buildCsp(dist)).
 */
export function renderConfig(kind, { dist = path.join(ROOT, 'dist'), csp, base = '/tools/csto/', root = '/srv/csto', listen = '80', serverName = 'example.org', site = 'example.org' } = {}) {
  if (!TEMPLATES[kind]) throw new Error(`unknown server ${kind} (nginx or caddy)`);
  if (!SAFE_PATH.test(base)) throw new Error(`base must look like /tools/csto/ (slash at both ends): ${base}`);
  root = root.replace(/\/+$/, '');
  if (!SAFE_ROOT.test(root)) throw new Error(`root must be an absolute path without spaces or quotes: ${root}`);
  for (const [name, v] of Object.entries({ listen, serverName, site: site.replace(/^https?:\/\//, '') })) {
    if (!SAFE_WORD.test(v)) throw new Error(`${name}: unexpected characters in ${v}`);
  }
  const policy = csp ?? buildCsp(dist);
  if (/["\\\n]/.test(policy)) throw new Error('the CSP may not contain quotes, backslashes or line breaks');
  const values = {
    BASE: base,
    BASE_NO_SLASH: base.replace(/\/$/, ''),
    ROOT: root,
    CSP: policy,
    LISTEN: listen,
    SERVER_NAME: serverName,
    SITE: site,
  };
  let lines = fs.readFileSync(TEMPLATES[kind], 'utf8').split('\n');
  // At the host's root there is no slash-less sub-path to redirect.
  if (base === '/') lines = lines.filter((l) => !l.includes('@BASE_NO_SLASH@'));
  const out = lines.join('\n').replace(/@([A-Z_]+)@/g, (m, key) => {
    if (!(key in values)) throw new Error(`${TEMPLATES[kind]}: unknown placeholder ${m}`);
    return values[key];
  });
  return out;
}

function main(argv) {
  const [kind, ...rest] = argv;
  if (kind === 'csp') {
    process.stdout.write(buildCsp(rest[0] ?? path.join(ROOT, 'dist')) + '\n');
    return;
  }
  const opts = {};
  const names = { '--dist': 'dist', '--base': 'base', '--root': 'root', '--listen': 'listen', '--server-name': 'serverName', '--site': 'site', '--csp': 'csp' };
  for (let i = 0; i < rest.length; i += 2) {
    const key = names[rest[i]];
    if (!key || rest[i + 1] === undefined) throw new Error(`usage: hosting-config.mjs csp [DIST] | nginx|caddy [--dist D] [--base /p/] [--root DIR] [--listen L] [--server-name N] [--site S]`);
    opts[key] = rest[i + 1];
  }
  process.stdout.write(renderConfig(kind, opts));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`hosting-config: ${err.message}`);
    process.exit(1);
  }
}
