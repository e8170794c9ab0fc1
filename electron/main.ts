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
import { autoUpdater } from 'electron-updater';
import { DESK_EVENT_CHANNEL, DESK_METHODS, ok, type DeskEvent, type DeskMethod } from '../shared/ipc';
import { createAppLog, type AppLogger } from './services/app-logger';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl, isExternalHttpsUrl, parseDevServerUrl, serveAppRequest } from './services/app-protocol';
import { BlobTransport } from './services/blob-transport';
import { CrashReloadPolicy } from './services/crash-reload-policy';
import { CloseGuard } from './services/close-guard';
import { CredentialsStore, safeStorageCipher } from './services/credentials-store';
import { buildDiagnosticsZip, collectSystemInfo, diagnosticsFileName } from './services/diagnostics';
import { readPickedFiles, saveFileTo } from './services/file-service';
import { handleDeskCall, type DeskHandlers } from './services/ipc-guard';
import { OnlineMonitor } from './services/online-monitor';
import { OsKeyStore } from './services/os-key-store';
import { PokeRelay } from './services/poke-relay';
import { SettingsStore } from './services/settings-store';
import { LocalBackups } from './services/local-backups';
import { SignInService } from './services/sign-in-service';
import { SyncTransport } from './services/sync-transport';
import { fixedUpdateFeed } from './services/update-feed';
import { UpdateService } from './services/update-service';
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
/** The main window's close guard: the page's readyToClose releases it. */
let closeGuard: CloseGuard | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two instances would write the same settings and IndexedDB: hand over to the first one.
  app.quit();
} else {
  run();
}

/** The release's update feed, put in by scripts/build-electron.mjs from PROVINCEDESK_UPDATE_URL (absent in tests). */
declare const PROVINCEDESK_UPDATE_URL: string | null | undefined;

function run(): void {
  // Checklist 4: every renderer sandboxed, including any we did not create ourselves.
  app.enableSandbox();
  // Must happen before 'ready'. Checklist 18: a custom protocol instead of file://.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  const userData = app.getPath('userData');
  // Logs in the user-data folder, where support and the diagnostics zip find them.
  const appLog = createAppLog({ directory: path.join(userData, 'logs'), console: isDev, homeDir: app.getPath('home') });
  appLog.catchErrors();
  const logger = appLog.logger;
  logger.info(`${app.getName()} ${app.getVersion()} starting (electron ${process.versions.electron}, ${process.platform} ${process.arch})`);
  autoUpdater.logger = { info: (m: unknown) => logger.info(String(m)), warn: (m: unknown) => logger.warn(String(m)), error: (m: unknown) => logger.error(String(m)) };
  const settings = new SettingsStore({ directory: userData, logger });
  // Rolling whole-database backups the renderer exports (daily, before a migration, before a restore).
  const localBackups = new LocalBackups({ directory: async () => (await settings.get()).backupFolder ?? path.join(userData, 'backups') });
  const osCipher = safeStorageCipher(safeStorage);
  const credentials = new CredentialsStore({ directory: userData, cipher: osCipher });
  // Binds the renderer's keyring (the keys of the personal data) to this computer's user account.
  const osKeyStore = new OsKeyStore(osCipher);
  const serverUrl = async () => (await settings.get()).serverUrl;
  const transport = new SyncTransport({ getServerUrl: serverUrl, getToken: () => credentials.getServerToken(), logger });
  // Attachment bytes: same address and token rules as the JSON calls; the token never leaves main.
  const blobTransport = new BlobTransport({ getServerUrl: serverUrl, getToken: () => credentials.getServerToken(), logger });
  const signIn = new SignInService({
    directory: userData,
    transport,
    credentials,
    settings,
    onSessionChange: (session) => {
      sendEvent({ type: 'session-changed', session });
      void pokes.refresh();
    },
    logger,
  });
  // Live pokes from the server while someone is signed in (the token stays here in main).
  const pokes = new PokeRelay({ getSession: () => signIn.getSession(), getToken: () => credentials.getServerToken(), onPoke: () => sendEvent({ type: 'poke' }) });
  const onlineMonitor = new OnlineMonitor({
    getServerUrl: serverUrl,
    onChange: (online) => {
      sendEvent({ type: 'network', online });
      if (online) {
        void pokes.refresh();
        void updates.maybeCheck();
      }
    },
  });
  const updateFeed = fixedUpdateFeed(typeof PROVINCEDESK_UPDATE_URL === 'string' ? PROVINCEDESK_UPDATE_URL : null);
  if (app.isPackaged && updateFeed === null) logger.warn('update: this build has no https update feed (PROVINCEDESK_UPDATE_URL); it will not update itself');
  const updates = new UpdateService({
    updater: autoUpdater,
    // A deb is updated by the package manager (with administrator rights); AppImage, NSIS and dmg update themselves.
    enabled: app.isPackaged && (process.platform !== 'linux' || Boolean(process.env.APPIMAGE)),
    isOnline: () => onlineMonitor.online,
    // Fixed at build time, https only; never the server address in Settings (issue 18).
    feedUrl: updateFeed,
    notify: (status) => sendEvent({ type: 'update-status', status }),
    logger,
  });
  // maybeCheck() itself keeps automatic checks at most every six hours.
  const updateTimer = setInterval(() => void updates.maybeCheck(), 60 * 60 * 1000);

  settings.onChange((next) => {
    sendEvent({ type: 'settings-changed', settings: next });
    void onlineMonitor.check(); // the server address may have changed
  });

  const handlers: DeskHandlers = {
    appInfo: () => ok({ name: app.getName(), version: app.getVersion(), shell: 'electron', platform: process.platform, dataFolder: userData }),
    getSettings: async () => ok(await settings.get()),
    // A new server address signs out first: the token never reaches another server (sign-in-service.ts).
    updateSettings: (patch) => signIn.updateSettings(patch),
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
    blobStatus: (request) => blobTransport.status(request),
    blobUpload: (request) => blobTransport.upload(request),
    blobDownload: (request) => blobTransport.download(request),
    signIn: (request) => signIn.signIn(request),
    signOut: () => signIn.signOut(),
    getSession: () => signIn.getSession(),
    writeLocalBackup: ({ data, reason }) => localBackups.write(data, reason),
    listLocalBackups: () => localBackups.list(),
    readLocalBackup: ({ name }) => localBackups.read(name),
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
    getUpdateStatus: () => ok(updates.status),
    checkForUpdates: async () => ok(await updates.check()),
    installUpdate: () => updates.installNow(),
    osKeyStore: () => osKeyStore.info(),
    sealSecret: ({ text }) => osKeyStore.seal(text),
    openSecret: ({ text }) => osKeyStore.open(text),
    wipeLocalFiles: async () => {
      // The administrator wiped this device (the renderer was told 401 device-wiped): backups in the chosen
      // folder and in the default one, then the token and session. Logs hold no personal data and stay.
      const folders = new Set([await localBackups.directory(), path.join(userData, 'backups')]);
      let deleted = 0;
      for (const folder of folders) deleted += await localBackups.deleteAllIn(folder);
      logger.warn(`remote wipe: ${deleted} local backups deleted, sign-in forgotten`);
      return signIn.forget();
    },
    readyToClose: async () => {
      closeGuard?.ready();
      return ok(undefined);
    },
    saveDiagnostics: async () => {
      const data = await buildDiagnosticsZip({
        logFiles: appLog.files(),
        system: collectSystemInfo({ name: app.getName(), version: app.getVersion(), packaged: app.isPackaged }),
        settings: await settings.get(),
        homeDir: app.getPath('home'),
      });
      const options: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), diagnosticsFileName(new Date())),
        filters: [{ name: 'Zip', extensions: ['zip'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      if (picked.canceled || !picked.filePath) return ok({ saved: false });
      return saveFileTo(picked.filePath, data);
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
    clearInterval(updateTimer);
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
      void onlineMonitor.check().then((online) => {
        if (online) void updates.maybeCheck();
      });
    });
    onlineMonitor.start();
    void pokes.refresh();

    const windowDeps: WindowDeps = { currentOnline: () => onlineMonitor.online, logger, saveDiagnostics: async () => handlers.saveDiagnostics(undefined) };
    mainWindow = createWindow(windowDeps);
    app.on('activate', () => {
      mainWindow ??= createWindow(windowDeps);
    });
  });
}

interface WindowDeps {
  currentOnline: () => boolean | null;
  logger: AppLogger;
  saveDiagnostics: () => Promise<unknown>;
}

function createWindow({ currentOnline, logger, saveDiagnostics }: WindowDeps): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions({ preloadPath, isDev }));
  const crashes = new CrashReloadPolicy();
  window.once('ready-to-show', () => window.show());
  // The page saves what its editors hold before the window goes (a few seconds at most).
  const guard = new CloseGuard({ notify: () => sendEvent({ type: 'closing' }), close: () => window.close() });
  closeGuard = guard;
  window.on('close', (event) => guard.onClose(() => event.preventDefault()));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  // The page (re)loaded: tell it the network state it may have missed while starting.
  window.webContents.on('did-finish-load', () => {
    crashes.loaded();
    const online = currentOnline();
    if (online !== null) sendEvent({ type: 'network', online });
  });

  // Data lives in IndexedDB and every edit is written as it is made, so a reload loses nothing
  // that was saved. A page that crashes again while reloading is not reloaded forever: ask.
  window.webContents.on('render-process-gone', (_event, details) => {
    logger.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    if (crashes.crashed() === 'reload') return window.webContents.reload();
    void dialog
      .showMessageBox(window, {
        type: 'error',
        buttons: ['โหลดใหม่ — Reload', 'บันทึกข้อมูลวินิจฉัย — Save diagnostics', 'ปิดโปรแกรม — Quit'],
        defaultId: 1,
        cancelId: 2,
        noLink: true,
        message: 'ProvinceDesk หยุดทำงานซ้ำหลายครั้ง — ProvinceDesk keeps stopping',
        detail: 'ข้อมูลที่บันทึกแล้วจะไม่หาย กรุณาบันทึกข้อมูลวินิจฉัยส่งให้ฝ่ายสนับสนุน — Everything already saved is kept. Please save diagnostics for support.',
      })
      .then(async ({ response }) => {
        if (response === 1) await saveDiagnostics();
        if (response === 2 || window.isDestroyed()) return app.quit();
        crashes.reset();
        window.webContents.reload();
      });
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
