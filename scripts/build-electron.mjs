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

/**
 * The update feed baked into main (electron/services/update-feed.ts checks it again at run time): from
 * PROVINCEDESK_UPDATE_URL, https only — a release that would fetch its updates over plain http is refused
 * here, before electron-builder writes the same address into app-update.yml. Unset (development): none.
 */
export function releaseUpdateUrl(env = process.env) {
  const raw = env.PROVINCEDESK_UPDATE_URL;
  if (raw === undefined || raw === '') return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PROVINCEDESK_UPDATE_URL is not an address: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`PROVINCEDESK_UPDATE_URL must be https (installers over plain http can be swapped on the way): ${raw}`);
  return raw;
}

export async function buildElectron({ root = projectRoot, logLevel = 'info', env = process.env } = {}) {
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
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs', target: 'node20', define: { PROVINCEDESK_UPDATE_URL: JSON.stringify(releaseUpdateUrl(env)) } }),
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
