import { startCaddy } from './hosting/servers.mjs';
import { launchBrowser } from './helpers.mjs';
const s = await startCaddy({ dist: '../../dist' });
const b = await launchBrowser();
const ctx = await b.newContext();
const page = await ctx.newPage();
page.on('console', m => console.log('console', m.type(), m.text()));
await page.goto(s.url);
await page.waitForSelector('main[data-ready="true"]');
await new Promise(r => setTimeout(r, 3000));
console.log(await page.evaluate(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  return { reg: !!reg, active: reg?.active?.state, installing: reg?.installing?.state, waiting: reg?.waiting?.state, ctrl: !!navigator.serviceWorker.controller, keys: await caches.keys() };
}));
const r = await page.evaluate(async () => { const r = await fetch('sw.js'); return [r.status, r.headers.get('content-type'), (await r.text()).slice(0, 50)]; });
console.log(r);
await b.close(); await s.stop();
