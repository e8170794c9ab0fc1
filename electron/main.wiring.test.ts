// The main process's wiring, run in Node. The Electron binary cannot be installed on the machines that
// run these tests, so `electron` is a stand-in that records what main asks of it; everything behind it
// is real (settings on disk, the desk handlers, the IPC guard, the sync transport). What this proves:
// main starts, registers every desk method through the one door, opens one hardened window on the app
// scheme, denies permissions and foreign navigation, and its handlers answer from the real services.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESK_METHODS, type DeskResult } from '../shared/ipc';
import { APP_ENTRY_URL, APP_SCHEME } from './services/app-protocol';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args));
  }
}

const fake = vi.hoisted(() => ({
  userData: '',
  handlers: new Map<string, (event: unknown, argument: unknown) => Promise<unknown>>(),
  windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; closed: boolean; close(): void; webContents: { sent: unknown[] } }>,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: [] as string[],
  sandboxEnabled: false,
  permissionAnswers: [] as boolean[],
  openedExternally: [] as string[],
  app: null as unknown as { emit(event: string, ...args: unknown[]): unknown[] },
}));

vi.mock('electron-updater', () => ({ autoUpdater: { on: () => undefined, checkForUpdates: async () => null, quitAndInstall: () => undefined } }));

vi.mock('electron', () => {
  class WebContents extends Emitter {
    sent: unknown[] = [];
    send(_channel: string, event: unknown) {
      this.sent.push(event);
    }
    reload() {}
  }
  class BrowserWindow extends Emitter {
    readonly webContents = new WebContents();
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      super();
      fake.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    closed = false;
    isDestroyed() {
      return false;
    }
    show() {}
    /** As Electron: 'close' first, and the window stays unless no listener prevented it. */
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.closed = true;
    }
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    enableSandbox: () => {
      fake.sandboxEnabled = true;
    },
    getPath: (name: string) => path.join(fake.userData, name === 'userData' ? '' : name),
    getName: () => 'ProvinceDesk',
    getVersion: () => '0.1.0',
    whenReady: () => Promise.resolve(),
  });
  fake.app = app;
  return {
    app,
    BrowserWindow,
    dialog: { showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => ({ response: 0 }) },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, argument: unknown) => Promise<unknown>) => {
        fake.handlers.set(channel, handler);
      },
    },
    powerMonitor: new Emitter(),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string) => fake.protocolHandlers.push(scheme),
    },
    safeStorage: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) =>
          handler(null, 'media', (granted) => fake.permissionAnswers.push(granted)),
        setPermissionCheckHandler: (handler: () => boolean) => fake.permissionAnswers.push(handler()),
        setDevicePermissionHandler: (handler: () => boolean) => fake.permissionAnswers.push(handler()),
      },
    },
    shell: { openExternal: async (url: string) => fake.openedExternally.push(url) },
  };
});

const APP_FRAME = { url: APP_ENTRY_URL };

async function call(method: keyof typeof DESK_METHODS, argument: unknown, frame: { url: string } = APP_FRAME, sender?: unknown): Promise<DeskResult<unknown>> {
  const handler = fake.handlers.get(DESK_METHODS[method].channel);
  if (!handler) throw new Error(`no handler for ${method}`);
  return (await handler({ sender: sender ?? fake.windows[0]?.webContents, senderFrame: frame }, argument)) as DeskResult<unknown>;
}

describe('main process wiring (Electron stood in for)', () => {
  beforeAll(async () => {
    fake.userData = await mkdtemp(path.join(tmpdir(), 'pd-main-'));
    await import('./main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  });
  afterAll(async () => {
    fake.app.emit('before-quit');
    await rm(fake.userData, { recursive: true, force: true });
  });

  it('sandboxes every renderer and serves the app from its own scheme', () => {
    expect(fake.sandboxEnabled).toBe(true);
    expect(fake.privilegedSchemes).toEqual([expect.objectContaining({ scheme: APP_SCHEME })]);
    expect(fake.protocolHandlers).toEqual([APP_SCHEME]);
  });

  it('opens one hardened window on the app entry, with the preload beside main', () => {
    const [window] = fake.windows;
    expect(window!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((window!.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(window!.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('denies every permission a page could ask for', () => {
    expect(fake.permissionAnswers).toEqual([false, false, false]);
  });

  it('registers every desk method through the one door, and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(DESK_METHODS).map((m) => m.channel).sort());
  });

  it('answers from the real services: app info, settings kept on disk, sync without a server', async () => {
    expect(await call('appInfo', undefined)).toMatchObject({ ok: true, value: { name: 'ProvinceDesk', shell: 'electron', dataFolder: fake.userData } });
    expect(await call('updateSettings', { serverUrl: 'https://sync.example.go.th' })).toMatchObject({ ok: true });
    expect(await call('getSettings', undefined)).toMatchObject({ ok: true, value: { serverUrl: 'https://sync.example.go.th' } });
    // The settings change reached the page as an event.
    expect(fake.windows[0]!.webContents.sent).toContainEqual(expect.objectContaining({ type: 'settings-changed' }));
    expect(await call('getSession', undefined)).toMatchObject({ ok: true, value: null });
  });

  it('refuses a bad argument and any frame that is not the app', async () => {
    expect(await call('updateSettings', { serverUrl: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('appInfo', undefined, { url: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await call('appInfo', undefined, APP_FRAME, { other: 'webContents' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('closes the window only once the page has saved what its editors hold', async () => {
    const window = fake.windows[0]!;
    window.close();
    expect(window.closed).toBe(false);
    expect(window.webContents.sent.at(-1)).toEqual({ type: 'closing' });
    expect(await call('readyToClose', undefined)).toEqual({ ok: true, value: undefined });
    expect(window.closed).toBe(true);
  });

  it('keeps every page on the app: no navigation away, new windows only as https links in the browser', () => {
    const contents = new Emitter() as Emitter & { setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void };
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    contents.setWindowOpenHandler = (handler) => {
      openHandler = handler;
    };
    fake.app.emit('web-contents-created', {}, contents);
    expect(openHandler!({ url: 'https://www.ect.go.th/chiangrai' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://www.ect.go.th/chiangrai']);

    const prevented: string[] = [];
    const navigate = (url: string) => contents.emit('will-navigate', { url, preventDefault: () => prevented.push(url) });
    navigate(`${APP_ENTRY_URL}#/news`);
    navigate('https://evil.example/');
    expect(prevented).toEqual(['https://evil.example/']);
    let attached = false;
    contents.emit('will-attach-webview', { preventDefault: () => (attached = true) });
    expect(attached).toBe(true);
  });
});
