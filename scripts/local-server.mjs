import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webShellOrigins, webShellPort } from './web-shell-port.mjs';

/**
 * The embedded central server for trying the app on one computer: PGlite in .data/server, demo
 * accounts on first run, http://127.0.0.1:8787. Reuses a server already answering there.
 */
export const LOCAL_SERVER_URL = 'http://127.0.0.1:8787';
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The browser shell's origins (Vite dev server on PROVINCEDESK_WEB_PORT) may call the local server. */
export async function startLocalServer({ url = LOCAL_SERVER_URL, log = console.log, allowedOrigins = webShellOrigins(webShellPort()) } = {}) {
  if (await isHealthy(url)) {
    log(`Using the ProvinceDesk server already running on ${url}`);
    return { url, stop: () => {} };
  }
  const tsxCli = path.join(path.dirname(fileURLToPath(import.meta.resolve('tsx/package.json'))), 'dist', 'cli.mjs');
  const port = new URL(url).port;
  const origins = allowedOrigins.flatMap((origin) => ['--allow-origin', origin]);
  const child = spawn(process.execPath, [tsxCli, 'server/cli.ts', 'serve', '--demo', '--port', port, ...origins], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  await new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      // Print the server's own lines (listening address, demo accounts), not its JSON logs.
      for (const line of chunk.split('\n')) if (line && !line.startsWith('{')) log(line);
      if (buffered.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the local server stopped (exit code ${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function isHealthy(url) {
  try {
    const response = await fetch(new URL('/v1/health', url), { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}
