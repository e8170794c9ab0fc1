import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fail, ok, type DeskResult } from '../../shared/ipc';
import { handleDeskCall, isTrustedSender, type DeskHandlers, type IpcGuardLogger } from './ipc-guard';

const APP = 'app://provincedesk/index.html';

/** A logger that keeps what it was told, so the tests can check what reached the log. */
function recordingLogger(): IpcGuardLogger & { errors: unknown[]; warnings: string[] } {
  const errors: unknown[] = [];
  const warnings: string[] = [];
  return { errors, warnings, error: (message) => errors.push(message), warn: (message) => warnings.push(message) };
}

function handlers(overrides: Partial<DeskHandlers> = {}): DeskHandlers & { calls: unknown[] } {
  const calls: unknown[] = [];
  const base: DeskHandlers = {
    appInfo: () => ok({ name: 'ProvinceDesk', version: '0.1.0', shell: 'electron', platform: 'linux' }),
    getSettings: () => ok(DEFAULT_SETTINGS),
    updateSettings: (patch) => {
      calls.push(patch);
      return ok({ ...DEFAULT_SETTINGS, ...patch });
    },
    saveFile: () => ok({ saved: false }),
    openFiles: () => ok([]),
    syncRequest: async (request) => {
      calls.push(request);
      return ok({ status: 200, body: { path: request.path } });
    },
    signIn: (request) => {
      calls.push(request);
      return fail('network', 'no server in this test');
    },
    signOut: () => ok(undefined),
    readyToClose: () => ok(undefined),
    osKeyStore: () => ok({ available: false }),
    sealSecret: () => fail('io', 'no key store in this test'),
    openSecret: () => fail('io', 'no key store in this test'),
    wipeLocalFiles: () => ok(undefined),
    getSession: () => ok(null),
    printToPdf: () => ok({ saved: false }),
    writeLocalBackup: ({ reason }) => ok({ name: 'provincedesk-20261122T030000000Z-daily.pdbackup', size: 0, createdAt: '2026-11-22T03:00:00.000Z', reason }),
    listLocalBackups: () => ok([]),
    readLocalBackup: () => fail('not-found', 'no backups in this test'),
    getUpdateStatus: () => ok({ state: 'unsupported' }),
    checkForUpdates: () => ok({ state: 'unsupported' }),
    installUpdate: () => ok(undefined),
    saveDiagnostics: () => ok({ saved: false }),
    blobStatus: () => ok({ status: 404, exists: false, size: null, received: 0, total: null, error: null }),
    blobUpload: ({ offset, data }) => ok({ status: 202, complete: false, received: offset + data.byteLength, size: null, error: null }),
    blobDownload: () => ok({ status: 404, data: null, total: null, error: null }),
  };
  return Object.assign({ ...base, ...overrides }, { calls });
}

describe('isTrustedSender', () => {
  it('trusts the app origin only', () => {
    expect(isTrustedSender(APP)).toBe(true);
    expect(isTrustedSender('app://provincedesk/news/1')).toBe(true);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('file:///home/user/index.html')).toBe(false);
    expect(isTrustedSender('https://provincedesk/')).toBe(false);
    expect(isTrustedSender('app://other/index.html')).toBe(false);
  });

  it('trusts the dev server only when it is configured', () => {
    expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', { devServerOrigin: 'http://localhost:5173' })).toBe(true);
    expect(isTrustedSender('http://evil.test:5173/', { devServerOrigin: 'http://localhost:5173' })).toBe(false);
  });
});

describe('handleDeskCall', () => {
  it('runs the handler with the parsed argument', async () => {
    const h = handlers();
    const result = await handleDeskCall('updateSettings', APP, { language: 'en' }, h, { logger: recordingLogger() });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, language: 'en' } });
    expect(h.calls).toEqual([{ language: 'en' }]);
  });

  it('returns forbidden-sender for an untrusted frame without running anything', async () => {
    const h = handlers();
    const logger = recordingLogger();
    for (const sender of [undefined, 'https://evil.example/', 'file:///tmp/x.html', 'http://localhost:5173/']) {
      const result = await handleDeskCall('updateSettings', sender, { language: 'en' }, h, { logger });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(h.calls).toEqual([]);
    expect(logger.warnings).toHaveLength(4);
  });

  it('accepts the dev server when configured', async () => {
    const result = await handleDeskCall('getSettings', 'http://localhost:5173/', undefined, handlers(), { devServerOrigin: 'http://localhost:5173' });
    expect(result).toEqual(ok(DEFAULT_SETTINGS));
  });

  it.each(['deleteEverything', 'toString', '__proto__', 'constructor', ''])('returns invalid-argument for unknown method %j', async (method) => {
    const result = await handleDeskCall(method, APP, undefined, handlers(), { logger: recordingLogger() });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('returns invalid-argument, in Thai and English, when the argument does not match the schema', async () => {
    const h = handlers();
    const cases: Array<[string, unknown]> = [
      ['updateSettings', { language: 'fr' }],
      ['updateSettings', { language: 'th', isAdmin: true }], // strict patch: no unknown keys
      ['updateSettings', 'th'],
      ['getSettings', { sneaky: true }], // takes no argument
      ['syncRequest', { method: 'DELETE', path: '/v1/x' }],
      ['syncRequest', { method: 'GET', path: 'https://evil.example/v1/' }],
      ['saveFile', { suggestedName: '../../.bashrc', filters: [], data: 'x' }],
      ['openFiles', { filters: [], multiple: true, maxBytesPerFile: -1 }],
    ];
    for (const [method, argument] of cases) {
      const result = (await handleDeskCall(method, APP, argument, h)) as DeskResult<unknown>;
      expect(result.ok, `${method} ${JSON.stringify(argument)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-argument');
        expect(result.error.message).toMatch(/[ก-๙]/);
        expect(result.error.message).toContain(`Invalid argument for ${method}`);
      }
    }
    expect(h.calls).toEqual([]);
  });

  it('names the offending field', async () => {
    const result = await handleDeskCall('updateSettings', APP, { deviceName: '' }, handlers());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('deviceName');
  });

  it('turns a thrown error into internal, logs it, and sends no stack or detail to the renderer', async () => {
    const logger = recordingLogger();
    const boom = Object.assign(new Error('EACCES: permission denied, open /home/somchai/.config/ProvinceDesk/settings.json'), { code: 'EACCES' });
    const result = await handleDeskCall('getSettings', APP, undefined, handlers({ getSettings: () => { throw boom; } }), { logger });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) {
      expect(result.error.message).not.toContain('EACCES');
      expect(result.error.message).not.toContain('/home/');
      expect(result.error.message).not.toMatch(/\bat\s.+:\d+/);
    }
    // The log says what failed and where, never the message (it may quote a record or a person's file name).
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]).toMatch(/^desk: getSettings failed: Error \(EACCES\)\n\s+at /);
    expect(logger.errors[0]).not.toContain('somchai');
  });

  it('catches a rejected promise too', async () => {
    const logger = recordingLogger();
    const result = await handleDeskCall('syncRequest', APP, { method: 'GET', path: '/v1/health' }, handlers({ syncRequest: () => Promise.reject(new TypeError('x')) }), { logger });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logger.errors).toHaveLength(1);
  });

  it('passes a handler failure result through unchanged', async () => {
    const result = await handleDeskCall('openFiles', APP, { filters: [], multiple: false, maxBytesPerFile: 10 }, handlers({ openFiles: () => ({ ok: false, error: { code: 'io', message: 'too big' } }) }));
    expect(result).toEqual({ ok: false, error: { code: 'io', message: 'too big' } });
  });
});
