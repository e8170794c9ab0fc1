import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { startLocalServer } from './local-server.mjs';
import { explainMissingElectron, findElectronBinary, resolveElectronPackageDir } from './electron-binary.mjs';

/**
 * `npm start`: check the Electron runtime is there (before spending a minute on builds),
 * build the renderer and the main process, start the embedded central server (PGlite), then run
 * Electron on this folder.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const binary = findElectronBinary({ packageDir: resolveElectronPackageDir(projectRoot) });
if (!binary.ok) {
  console.error(explainMissingElectron(binary));
  process.exit(1);
}

// The renderer (Vite), run with this same Node: no shell, no npx lookup, same on Windows.
const viteBin = path.join(path.dirname(fileURLToPath(import.meta.resolve('vite/package.json'))), 'bin', 'vite.js');
const vite = spawnSync(process.execPath, [viteBin, 'build'], { cwd: projectRoot, stdio: 'inherit' });
if (vite.status !== 0) process.exit(vite.status ?? 1);

try {
  await buildElectron({ root: projectRoot });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = await startLocalServer();
process.on('exit', () => server.stop());

// ELECTRON_RUN_AS_NODE would turn Electron into plain Node and ignore the app.
const { ELECTRON_RUN_AS_NODE: _ignored, ...env } = process.env;
const electron = spawn(binary.executablePath, [projectRoot], { cwd: projectRoot, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (!electron.killed) electron.kill(signal);
  });
}
electron.on('error', (error) => {
  console.error(`Could not start Electron: ${error.message}`);
  process.exit(1);
});
electron.on('close', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
