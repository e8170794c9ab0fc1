import { desk } from '../bridge/desk-bridge';
import { useSession } from './session-store';

/** Loads settings and app info from the desk API and keeps the session store in step with its events. */
export async function startSessionBridge(): Promise<void> {
  const [settings, info] = await Promise.all([desk.getSettings(), desk.appInfo()]);
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
