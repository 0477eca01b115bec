// Real static servers for the tests and the benchmarks: Debian's nginx and
// Caddy, each started on a free loopback port with the documented
// configuration (deploy/nginx.conf, deploy/Caddyfile, rendered by
// scripts/hosting-config.mjs exactly as docs/hosting.md tells a reader to),
// serving a dist/ under a sub-path. Only the wrapper around it is the
// tests' own: a main config with a private pid file, logs and temp dirs in
// a temporary directory, nothing of /etc/nginx but mime.types.
//
//   import { startNginx, startCaddy } from './hosting/servers.mjs';
//   const srv = await startNginx({ dist, base: '/tools/csto/' });
//   srv.url        // 'http://127.0.0.1:PORT/tools/csto/'
//   srv.config     // the rendered documented configuration
//   srv.accessLog()  // nginx: [{ status, method, uri, bytes, bodyBytes, encoding, type }]
//   await srv.stop() // also done when the process exits, whatever the tests did
//
// Env: NGINX (default nginx on PATH or /usr/sbin/nginx), CADDY (default caddy).

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, execFileSync } from 'node:child_process';
import { renderConfig } from '../../../scripts/hosting-config.mjs';

export const NGINX = process.env.NGINX || (fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx');
export const CADDY = process.env.CADDY || 'caddy';
export const BROTLI_MODULE = process.env.NGINX_BROTLI_MODULE || '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Start `cmd args` and wait until `url` answers; returns { proc, stop }.
 * `dir` (the server's temporary files) is removed by `stop`, or at once if
 * the server does not come up.
 */
async function launch(name, cmd, args, { url, env, logFile, dir }) {
  try {
    const { proc, stop } = await waitServing(name, cmd, args, { url, env, logFile });
    return {
      proc,
      async stop() {
        await stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function waitServing(name, cmd, args, { url, env, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const proc = spawn(cmd, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
  fs.closeSync(out);
  let exited = null;
  proc.on('exit', (code, signal) => (exited = { code, signal }));
  const kill = () => {
    if (exited === null) proc.kill('SIGTERM');
  };
  process.once('exit', kill);
  const stop = async () => {
    process.removeListener('exit', kill);
    if (exited !== null) return;
    proc.kill('SIGTERM');
    for (let i = 0; i < 100 && exited === null; i++) await sleep(50);
    if (exited === null) proc.kill('SIGKILL');
  };
  const deadline = Date.now() + 15000;
  for (;;) {
    await sleep(100);
    if (exited !== null) {
      throw new Error(`${name} exited (${exited.code ?? exited.signal}) before serving:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    const ok = await fetch(url, { redirect: 'manual' }).then(() => true, () => false);
    if (ok) return { proc, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not answer at ${url}:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
  }
}

/**
 * nginx with deploy/nginx.conf for `dist` under `base`, in the foreground
 * (daemon off, one process: master_process off), on 127.0.0.1 and a free port.
 * `config`: a configuration to use instead of the rendered one (to show that
 * the tests fail with a broken one).
 */
export async function startNginx({ dist, base = '/tools/csto/', config } = {}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-nginx-'));
  const rendered = config ?? renderConfig('nginx', { dist, base, root: path.resolve(dist), listen: `127.0.0.1:${port}`, serverName: 'localhost' });
  fs.writeFileSync(path.join(dir, 'csto.conf'), rendered);
  const temp = (n) => path.join(dir, n);
  fs.writeFileSync(
    temp('nginx.conf'),
    `# The tests' wrapper around the documented configuration (csto.conf).
load_module ${BROTLI_MODULE};
daemon off;
master_process off;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    log_format csto '$status $request_method $request_uri $bytes_sent $body_bytes_sent "$sent_http_content_encoding" "$sent_http_content_type"';
    access_log ${temp('access.log')} csto;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
    include ${temp('csto.conf')};
}
`,
  );
  const url = `http://127.0.0.1:${port}${base}`;
  const { stop } = await launch('nginx', NGINX, ['-e', temp('error.log'), '-c', temp('nginx.conf')], { url, logFile: temp('error.log'), dir });
  return {
    name: 'nginx',
    url,
    origin: `http://127.0.0.1:${port}`,
    port,
    base,
    config: rendered,
    dir,
    errorLog: () => fs.readFileSync(temp('error.log'), 'utf8'),
    accessLog() {
      const text = fs.existsSync(temp('access.log')) ? fs.readFileSync(temp('access.log'), 'utf8') : '';
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const m = /^(\d+) (\S+) (\S+) (\d+) (\d+) "([^"]*)" "([^"]*)"$/.exec(line);
          if (!m) return { line };
          return { status: +m[1], method: m[2], uri: m[3], bytes: +m[4], bodyBytes: +m[5], encoding: m[6] === '-' ? '' : m[6], type: m[7] };
        });
    },
    stop,
  };
}

/** Caddy with deploy/Caddyfile for `dist` under `base`, on 127.0.0.1 and a free port (plain HTTP, no admin API). */
export async function startCaddy({ dist, base = '/tools/csto/', config } = {}) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csto-caddy-'));
  const rendered = config ?? renderConfig('caddy', { dist, base, root: path.resolve(dist), site: `http://127.0.0.1:${port}` });
  fs.writeFileSync(path.join(dir, 'csto.Caddyfile'), rendered);
  fs.writeFileSync(
    path.join(dir, 'Caddyfile'),
    `# The tests' wrapper around the documented configuration (csto.Caddyfile).
{
	admin off
	auto_https off
}
import ${path.join(dir, 'csto.Caddyfile')}
`,
  );
  const url = `http://127.0.0.1:${port}${base}`;
  const logFile = path.join(dir, 'caddy.log');
  const env = { HOME: dir, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config') };
  const { stop } = await launch('caddy', CADDY, ['run', '--adapter', 'caddyfile', '--config', path.join(dir, 'Caddyfile')], { url, env, logFile, dir });
  return {
    name: 'caddy',
    url,
    origin: `http://127.0.0.1:${port}`,
    port,
    base,
    config: rendered,
    dir,
    errorLog: () => fs.readFileSync(logFile, 'utf8'),
    accessLog: () => [],
    stop,
  };
}

export const SERVERS = { nginx: startNginx, caddy: startCaddy };

/** GET `url` with these request headers; the body as sent (not decoded), for checking what a server sends. */
export function httpGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Whether the server program is installed (for a clear message instead of a spawn error). */
export function installed(name) {
  try {
    execFileSync(name === 'nginx' ? NGINX : CADDY, [name === 'nginx' ? '-v' : 'version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
