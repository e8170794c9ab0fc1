import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from './window-options';

describe('buildWindowOptions', () => {
  const production = buildWindowOptions({ preloadPath: '/app/dist-electron/preload.cjs', isDev: false });

  it('isolates the page from Node and from the preload (security checklist 2, 3, 4)', () => {
    const prefs = production.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web platform protections on (checklist 6, 8, 9, 12)', () => {
    const prefs = production.webPreferences;
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('sets nothing that would loosen a default', () => {
    // Options such as enableBlinkFeatures, enableRemoteModule or additionalArguments are
    // never set: the object holds exactly the keys reviewed here.
    expect(Object.keys(production.webPreferences).sort()).toEqual([
      'allowRunningInsecureContent', 'contextIsolation', 'devTools', 'experimentalFeatures',
      'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload',
      'sandbox', 'spellcheck', 'webSecurity', 'webviewTag',
    ]);
  });

  it('opens developer tools only in development', () => {
    expect(production.webPreferences.devTools).toBe(false);
    expect(buildWindowOptions({ preloadPath: '/p.cjs', isDev: true }).webPreferences.devTools).toBe(true);
  });

  it('uses the given preload and waits for ready-to-show', () => {
    expect(production.webPreferences.preload).toBe('/app/dist-electron/preload.cjs');
    expect(production.show).toBe(false);
    expect(production.title).toBe('ProvinceDesk');
    expect(production.width).toBeGreaterThanOrEqual(production.minWidth);
    expect(production.height).toBeGreaterThanOrEqual(production.minHeight);
    expect(production.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
