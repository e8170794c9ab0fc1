import { useState } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';

/** Settings → where this computer's data lives, and the diagnostics zip for support. */
export function DataAndDiagnosticsSection() {
  const t = useTranslate();
  const appInfo = useSession((s) => s.appInfo);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const saveDiagnostics = async () => {
    setBusy(true);
    setMessage(null);
    const result = await desk.saveDiagnostics();
    setBusy(false);
    if (!result.ok) setMessage({ error: true, text: t('common.error', { message: result.error.message }) });
    else if (result.value.saved) setMessage({ error: false, text: t('diagnostics.saved', { fileName: result.value.fileName }) });
  };

  return (
    <>
      <section aria-labelledby="data-location-title">
        <h2 id="data-location-title">{t('settings.dataLocation')}</h2>
        {appInfo?.dataFolder ? (
          <>
            <p className="muted">{t('settings.dataFolderDesktop')}</p>
            <p>
              <code data-testid="data-folder">{appInfo.dataFolder}</code>
            </p>
          </>
        ) : (
          <p className="muted" data-testid="data-folder">
            {t('settings.dataFolderWeb')}
          </p>
        )}
      </section>
      <section aria-labelledby="diagnostics-title">
        <h2 id="diagnostics-title">{t('diagnostics.title')}</h2>
        <p className="muted">{t('diagnostics.hint')}</p>
        <button type="button" className="button secondary" onClick={() => void saveDiagnostics()} disabled={busy}>
          {t('diagnostics.save')}
        </button>
        {message && (
          <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
      </section>
    </>
  );
}
