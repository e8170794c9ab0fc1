import { PREVIEW_PORT } from './preview-origin';

// Where the smoke spec (every-screen.spec.ts) also finds the browser shell, on the ports after the
// preview's, so runs that set PROVINCEDESK_E2E_PORT apart stay apart:
// - Vite's dev server, as `npm run start:web` runs it;
export const DEV_SERVER_PORT = PREVIEW_PORT + 1;
export const DEV_SERVER_ORIGIN = `http://127.0.0.1:${DEV_SERVER_PORT}`;
// - the built renderer as Electron's app:// handler serves it (app-protocol-server.ts).
export const APP_PROTOCOL_PORT = PREVIEW_PORT + 2;
export const APP_PROTOCOL_ORIGIN = `http://127.0.0.1:${APP_PROTOCOL_PORT}`;
