// `npm run start:web`: the browser shell — the same renderer on Vite's dev server, with the web
// implementation of the desk API (renderer/bridge/web-desk.ts) — and the embedded central server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalServer } from './local-server.mjs';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await startLocalServer();
// No options: vite.config.ts alone sets the dev server up (address, PROVINCEDESK_WEB_PORT), so the
// end-to-end tests' `npx vite` runs the very same server.
const viteBin = path.join(path.dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin', 'vite.js');
const vite = spawn(process.execPath, [viteBin], { cwd: projectRoot, stdio: 'inherit' });
vite.on('exit', (code) => {
  if (code) console.error('The dev server stopped. If its port is taken, set another: PROVINCEDESK_WEB_PORT=5180 npm run start:web');
  server.stop();
  process.exit(code ?? 0);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    vite.kill(signal);
    server.stop();
  });
}
