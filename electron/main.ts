import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
  type Session,
} from 'electron';
import { DESK_EVENT_CHANNEL, DESK_METHODS, ok, type DeskEvent, type DeskMethod } from '../shared/ipc';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl, isExternalHttpsUrl, parseDevServerUrl, serveAppRequest } from './services/app-protocol';
import { CredentialsStore, safeStorageCipher } from './services/credentials-store';
import { readPickedFiles, saveFileTo } from './services/file-service';
import { handleDeskCall, type DeskHandlers } from './services/ipc-guard';
import { OnlineMonitor } from './services/online-monitor';
import { PokeRelay } from './services/poke-relay';
import { SettingsStore } from './services/settings-store';
import { SignInService } from './services/sign-in-service';
import { SyncTransport } from './services/sync-transport';
import { buildWindowOptions } from './services/window-options';

/**
 * Main process: wiring only. Every decision (window options, CSP, which URL is ours, argument
 * validation, file and network work) lives in electron/services, where it is unit-tested.
 * Electron security checklist: https://www.electronjs.org/docs/latest/tutorial/security
 */

// Stack traces in the log point at electron/*.ts, not at the bundle.
process.setSourceMapsEnabled(true);

// Bundled to dist-electron/main.cjs; the renderer build sits in dist/renderer.
const rendererRoot = path.join(__dirname, '..', 'dist', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const isDev = !app.isPackaged;
// A packaged app never loads the dev server, whatever the environment says.
const devServerOrigin = isDev ? parseDevServerUrl(process.env.PROVINCEDESK_DEV_URL) : null;
const startUrl = devServerOrigin ? (process.env.PROVINCEDESK_DEV_URL ?? APP_ENTRY_URL) : APP_ENTRY_URL;

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two instances would write the same settings and IndexedDB: hand over to the first one.
  app.quit();
} else {
  run();
}

function run(): void {
  // Checklist 4: every renderer sandboxed, including any we did not create ourselves.
  app.enableSandbox();
  // Must happen before 'ready'. Checklist 18: a custom protocol instead of file://.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  const userData = app.getPath('userData');
  const settings = new SettingsStore({ directory: userData });
  const credentials = new CredentialsStore({ directory: userData, cipher: safeStorageCipher(safeStorage) });
  const serverUrl = async () => (await settings.get()).serverUrl;
  const transport = new SyncTransport({ getServerUrl: serverUrl, getToken: () => credentials.getServerToken(), logger: console });
  const signIn = new SignInService({
    directory: userData,
    transport,
    credentials,
    settings,
    onSessionChange: (session) => {
      sendEvent({ type: 'session-changed', session });
      void pokes.refresh();
    },
    logger: console,
  });
  // Live pokes from the server while someone is signed in (the token stays here in main).
  const pokes = new PokeRelay({ getSession: () => signIn.getSession(), getToken: () => credentials.getServerToken(), onPoke: () => sendEvent({ type: 'poke' }) });
  const onlineMonitor = new OnlineMonitor({
    getServerUrl: serverUrl,
    onChange: (online) => {
      sendEvent({ type: 'network', online });
      if (online) void pokes.refresh();
    },
  });

  settings.onChange((next) => {
    sendEvent({ type: 'settings-changed', settings: next });
    void onlineMonitor.check(); // the server address may have changed
  });

  const handlers: DeskHandlers = {
    appInfo: () => ok({ name: app.getName(), version: app.getVersion(), shell: 'electron', platform: process.platform }),
    getSettings: async () => ok(await settings.get()),
    updateSettings: (patch) => settings.update(patch),
    saveFile: async ({ suggestedName, filters, data }) => {
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return ok({ saved: false });
      return saveFileTo(picked.filePath, data);
    },
    openFiles: async ({ filters, multiple, maxBytesPerFile }) => {
      const options: OpenDialogOptions = { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      if (picked.canceled) return ok([]);
      return readPickedFiles(picked.filePaths, maxBytesPerFile);
    },
    syncRequest: (request) => transport.request(request),
    signIn: (request) => signIn.signIn(request),
    signOut: () => signIn.signOut(),
    getSession: () => signIn.getSession(),
    printToPdf: async ({ suggestedName }) => {
      if (!mainWindow) return ok({ saved: false });
      // The page's print stylesheet decides what is on paper (article, month, roster).
      const pdf = await mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      const picked = await dialog.showSaveDialog(mainWindow, {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (picked.canceled || !picked.filePath) return ok({ saved: false });
      return saveFileTo(picked.filePath, new Uint8Array(pdf));
    },
  };

  // Checklist 13, 14, 15 (and 12: no <webview>), for every webContents, ours or not.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openInBrowser(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url, devServerOrigin)) return;
      event.preventDefault();
      openInBrowser(event.url);
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url, devServerOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', () => {
    onlineMonitor.stop();
    pokes.stop();
  });

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
    denyAllPermissions(session.defaultSession);

    // One door: every desk method goes through handleDeskCall (checklist 17).
    for (const method of Object.keys(DESK_METHODS) as DeskMethod[]) {
      ipcMain.handle(DESK_METHODS[method].channel, (event, argument: unknown) =>
        handleDeskCall(method, senderUrlOf(event), argument, handlers, { devServerOrigin }),
      );
    }

    powerMonitor.on('resume', () => {
      sendEvent({ type: 'resumed' });
      void onlineMonitor.check();
    });
    onlineMonitor.start();
    void pokes.refresh();

    mainWindow = createWindow(() => onlineMonitor.online);
    app.on('activate', () => {
      mainWindow ??= createWindow(() => onlineMonitor.online);
    });
  });
}

function createWindow(currentOnline: () => boolean | null): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions({ preloadPath, isDev }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  // The page (re)loaded: tell it the network state it may have missed while starting.
  window.webContents.on('did-finish-load', () => {
    const online = currentOnline();
    if (online !== null) sendEvent({ type: 'network', online });
  });

  // Data lives in IndexedDB and every edit is written as it is made, so a reload loses nothing
  // that was saved.
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) window.webContents.reload();
  });

  // A long import can make the page busy for a few seconds: ask before killing it.
  // (The Electron docs' pattern for 'unresponsive'.)
  window.on('unresponsive', () => {
    const recovered = new AbortController();
    window.once('responsive', () => recovered.abort());
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        buttons: ['รอ — Wait', 'โหลดใหม่ — Reload'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        signal: recovered.signal,
        message: 'ProvinceDesk ไม่ตอบสนอง — ProvinceDesk is not responding',
        detail: 'ข้อมูลที่บันทึกแล้วจะไม่หาย — Everything already saved is kept. Reload if waiting does not help.',
      })
      .then(({ response }) => {
        // Crashing the hung renderer fires render-process-gone, which reloads it above.
        if (response === 1 && !window.isDestroyed() && !recovered.signal.aborted) window.webContents.forcefullyCrashRenderer();
      });
  });

  void window.loadURL(startUrl);
  return window;
}

/** Checklist 17: only our own window's frames have a sender URL worth checking. */
function senderUrlOf(event: IpcMainInvokeEvent): string | undefined {
  if (!mainWindow || event.sender !== mainWindow.webContents) return undefined;
  return event.senderFrame?.url;
}

function sendEvent(event: DeskEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(DESK_EVENT_CHANNEL, event);
}

/** Checklist 15: only https links, and only to the OS browser. */
function openInBrowser(url: string): void {
  if (isExternalHttpsUrl(url)) void shell.openExternal(url);
}

/** Checklist 5: the app needs no camera, microphone, location, notifications, USB, … */
function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}
