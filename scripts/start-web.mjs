// `npm run start:web`: the browser shell — the same renderer on Vite's dev server, with the web
// implementation of the desk API (renderer/bridge/web-desk.ts).
import { spawn } from 'node:child_process';

const child = spawn('npx', ['vite', '--host', '127.0.0.1'], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
