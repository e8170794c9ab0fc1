import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles the main process and the preload to CommonJS for Electron:
 *   electron/main.ts    → dist-electron/main.cjs
 *   electron/preload.ts → dist-electron/preload.cjs
 * A sandboxed preload cannot load other files (require works for 'electron' and a few
 * built-in shims only: https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts),
 * so everything it uses (shared/ipc, zod) is bundled in, and the build fails if anything else
 * is left as an import.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildElectron({ root = projectRoot, logLevel = 'info' } = {}) {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    metafile: true,
    logLevel,
  };
  const [main, preload] = await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', target: 'node20' }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs', target: 'chrome120' }),
  ]);
  const preloadImports = Object.values(preload.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  const forbidden = preloadImports.filter((name) => name !== 'electron');
  if (forbidden.length > 0) {
    throw new Error(`The sandboxed preload may only require 'electron', but it imports: ${[...new Set(forbidden)].join(', ')}`);
  }
  return { main, preload };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildElectron();
  } catch (error) {
    // esbuild has already printed its diagnostics; this is for our own check above.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
