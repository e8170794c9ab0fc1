import type { DeskApi } from '../../shared/ipc/desk-api';
import { createWebDesk } from './web-desk';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app; absent in the browser shell. */
    desk?: DeskApi;
  }
}

/**
 * The desk API seen from the renderer: Electron's preload bridge when it is there, the web
 * implementation otherwise (browser shell, end-to-end tests). Both satisfy DeskApi.
 */
export const desk: DeskApi = window.desk ?? createWebDesk(window);
