import type { AppInfo, Settings } from '../../shared/ipc/desk-api';
import type { DeskResult } from '../../shared/ipc/desk-result';
import { desk } from '../bridge/desk-bridge';
import { useSession } from './session-store';

/**
 * Puts the settings and app info start-up already read into the session store, and keeps the store
 * in step with the desk API's events.
 */
export function startSessionBridge(settings: DeskResult<Settings>, info: DeskResult<AppInfo>): void {
  const session = useSession.getState();
  if (settings.ok) session.setSettings(settings.value);
  if (info.ok) session.setAppInfo(info.value);
  applyDocumentLanguage(useSession.getState().settings.language);

  desk.onEvent((event) => {
    if (event.type === 'network') useSession.getState().setOnline(event.online);
    if (event.type === 'settings-changed') {
      useSession.getState().setSettings(event.settings);
      applyDocumentLanguage(event.settings.language);
    }
  });
  // The browser's own signal too: in Electron it reflects the OS network state.
  window.addEventListener('online', () => useSession.getState().setOnline(true));
  window.addEventListener('offline', () => useSession.getState().setOnline(false));
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}
