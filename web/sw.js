// The explorer's service worker. scripts/post-build.sh (Trunk.toml's
// post_build hook) writes it into dist/ from web/sw.js, filling in BUILD and
// PRECACHE: every file of this build (trunk's hashed names; a page is its
// directory URL: '' is the start page's index.html, 'statements/<id>/' a
// statement's prerendered page) with its SHA-256. Everything is relative to the registration's
// scope, so one dist/ works under any sub-path.
//
// install:  fetch every file, check its digest, keep them in one cache for
//           this build. A file that is not this build's (a deploy half done, a
//           stale HTTP cache) fails the install: the previous build stays in
//           use, whole, and the next visit tries again.
// activate: delete the earlier builds' caches of this scope, take over the
//           open pages (web/sw-register.js then says "updated", once).
// message:  'build?' is answered with BUILD.
// fetch:    a page (the start page, a statement's page) from the network,
//           and from this build's cache only when the network fails, so a
//           page never mixes builds: online it is the deployed page with its
//           own files, offline this build's page with this build's files. The build's other
//           files come from the cache (a name changes with its content).
//           Every other request is left alone.
'use strict';

const BUILD = '@BUILD@';
const PRECACHE = '@PRECACHE@';

const scope = new URL(self.registration.scope);
// Several deployments on one origin (say /tools/csto/ and /staging/csto/)
// share the cache storage: each scope keeps, and deletes, only its own.
const PREFIX = `csto-explorer ${scope.href} `;
const CACHE = PREFIX + BUILD;
const FILES = new Set(PRECACHE.map(([path]) => new URL(path, scope).href));
// The pages: directory URLs ('' and 'statements/<id>/').
const PAGES = new Set(PRECACHE.filter(([path]) => path === '' || path.endsWith('/')).map(([path]) => new URL(path, scope).href));
// Trunk's content-hashed names may come from the HTTP cache (the page has
// just loaded them); the others are revalidated with the server.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

async function precache() {
  const cache = await caches.open(CACHE);
  try {
    const responses = await Promise.all(
      PRECACHE.map(async ([path, sha256]) => {
        const url = new URL(path, scope).href;
        const response = await fetch(url, { cache: HASHED.test(path) ? 'default' : 'no-cache' });
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
        if (digest !== sha256) throw new Error(`${url} is not the file of build ${BUILD}`);
        return [url, response];
      }),
    );
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (err) {
    await caches.delete(CACHE);
    throw err;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function page(request, pageUrl) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.match(pageUrl, { cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}

async function file(request, url) {
  const cached = await caches.match(url, { cacheName: CACHE, ignoreVary: true });
  return cached || fetch(request);
}

// web/sw-register.js asks which build is in charge (to say "updated" once).
self.addEventListener('message', (event) => {
  if (event.data === 'build?' && event.ports[0]) event.ports[0].postMessage(BUILD);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    const inScope = url.origin === scope.origin && url.pathname.startsWith(scope.pathname);
    const path = inScope ? url.pathname.slice(scope.pathname.length) : null;
    if (path === null) return;
    // 'statements/x/index.html' and 'statements/x' are the page 'statements/x/'.
    const dir = path.replace(/(^|\/)index\.html$/, '$1').replace(/^(statements\/[a-z0-9-]+)$/, '$1/');
    const pageUrl = new URL(dir, scope).href;
    if (PAGES.has(pageUrl)) event.respondWith(page(request, pageUrl));
    return;
  }
  url.search = '';
  if (FILES.has(url.href) && !PAGES.has(url.href)) event.respondWith(file(request, url.href));
});
