// Serve a dist/ with nginx or Caddy and the documented configuration until
// interrupted (for Lighthouse, benchmarks, or a look by hand):
//
//   node tests/e2e/hosting/serve.mjs nginx|caddy [DIST] [BASE]
//   → "serving /abs/dist at http://127.0.0.1:PORT/tools/csto/"
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVERS } from './servers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name = 'nginx', dist = path.join(here, '..', '..', '..', 'dist'), base = '/tools/csto/'] = process.argv.slice(2);
if (!SERVERS[name]) {
  console.error(`usage: serve.mjs nginx|caddy [DIST] [BASE]`);
  process.exit(2);
}
const srv = await SERVERS[name]({ dist: path.resolve(dist), base });
console.log(`serving ${path.resolve(dist)} at ${srv.url}`);
const stop = async () => {
  await srv.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
