import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { webShellPort } from './scripts/web-shell-port.mjs';
import { precacheServiceWorker } from './scripts/precache-service-worker.mjs';

/**
 * The built renderer carries its Content-Security-Policy as a meta tag too, so the browser shell
 * is held to it. In Electron, main also sends a stricter header (connect-src 'self': sync goes
 * through main) and the browser enforces both. Not in dev: React's refresh preamble is inline.
 */
const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // react-big-calendar and React style attributes set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  // The browser shell talks to the central server itself (Electron's header narrows this to 'self').
  "connect-src 'self' http://127.0.0.1:* http://localhost:* https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'provincedesk-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' }],
  };
}

// The renderer is one Vite app; the browser shell and Electron load the same build.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), precacheServiceWorker()],
  build: {
    // PROVINCEDESK_RENDERER_OUT lets several test runs build side by side.
    outDir: process.env.PROVINCEDESK_RENDERER_OUT ?? '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
  },
  // `npm run start:web`; the local server allows exactly this origin, so a busy port stops Vite
  // (set PROVINCEDESK_WEB_PORT) rather than moving it where signing in would fail.
  // Workers are ES modules (both are started with type: 'module'): they share the reader's and the
  // geography's chunks with the window instead of carrying copies of them.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: webShellPort(), strictPort: true },
  preview: { port: Number(process.env.PROVINCEDESK_E2E_PORT ?? 4173), strictPort: true, host: '127.0.0.1' },
});
