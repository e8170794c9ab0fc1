// The browser-shell build of the app, served by vite preview on the bench's own port and folder
// (several engineers share the machine: never the default 4173 or dist/).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface AppServer {
  baseURL: string;
  close(): void;
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error('vite preview stopped');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

export async function startAppServer(root: string, options: { outDir: string; port: number; build: boolean }): Promise<AppServer> {
  if (options.build) {
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, env: { ...process.env, PROVINCEDESK_RENDERER_OUT: options.outDir }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('the renderer did not build');
  }
  const child = spawn('npx', ['vite', 'preview', '--outDir', options.outDir, '--port', String(options.port), '--strictPort'], { cwd: root, stdio: 'ignore', detached: true });
  const baseURL = `http://127.0.0.1:${options.port}`;
  try {
    await waitForServer(baseURL, child);
  } catch (error) {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    throw error;
  }
  return {
    baseURL,
    close: () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    },
  };
}
