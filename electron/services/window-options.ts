/**
 * The options of the one BrowserWindow, kept out of main.ts so every security setting is
 * asserted by a test. Typed structurally (services never import 'electron'); main passes the
 * object straight to `new BrowserWindow(…)`, so the compiler checks it against Electron's type.
 *
 * Each webPreferences entry follows Electron's security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security#checklist-security-recommendations
 */

export interface HardenedWebPreferences {
  /** Checklist 3: the preload and the page live in separate JavaScript worlds. */
  contextIsolation: true;
  /** Checklist 4: the renderer process runs in Chromium's OS-level sandbox. */
  sandbox: true;
  /** Checklist 2: no Node.js in the page, its workers or its frames. */
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  /** Checklist 6: same-origin policy stays on. */
  webSecurity: true;
  /** Checklist 8: no http scripts inside an https (or app://) page. */
  allowRunningInsecureContent: false;
  /** Checklist 12: no <webview>; main also refuses 'will-attach-webview'. */
  webviewTag: false;
  /** Checklist 9: no experimental Blink features. */
  experimentalFeatures: false;
  /** The spell checker downloads dictionaries from Google: offline-first and no Thai gain. */
  spellcheck: false;
  /** Developer tools only in development. */
  devTools: boolean;
  preload: string;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  backgroundColor: string;
  /** Shown on 'ready-to-show', so the user never sees a blank white frame. */
  show: false;
  webPreferences: HardenedWebPreferences;
}

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preloadPath: string;
  isDev: boolean;
}

/** The page background before the first paint; matches the renderer's theme surface. */
export const WINDOW_BACKGROUND = '#f6f7f9';

export function buildWindowOptions({ preloadPath, isDev }: WindowOptionsInput): WindowOptions {
  return {
    width: 1280,
    height: 800,
    // The calendar's week view and the roster table need this much room to stay readable.
    minWidth: 960,
    minHeight: 600,
    title: 'ProvinceDesk',
    backgroundColor: WINDOW_BACKGROUND,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: isDev,
      preload: preloadPath,
    },
  };
}
