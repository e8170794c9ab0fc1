import { useEffect, useState } from 'react';
import type { UpdateStatus } from '../../../shared/ipc/desk-api';
import { desk } from '../../bridge/desk-bridge';
import { useDateFormat } from '../../app/use-date-format';
import type { Translate } from '../../app/i18n/translate';
import { useTranslate } from '../../app/use-translate';

/** Settings → updates: where the self-update stands, "check now", and "install now" once downloaded. */
export function UpdateSection() {
  const t = useTranslate();
  const format = useDateFormat();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void desk.getUpdateStatus().then((result) => {
      if (live && result.ok) setStatus(result.value);
    });
    const unsubscribe = desk.onEvent((event) => {
      if (event.type === 'update-status') setStatus(event.status);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  // The browser shell and unpackaged builds do not update themselves: nothing to show.
  if (!status || status.state === 'unsupported') return null;

  const checkNow = async () => {
    setBusy(true);
    const result = await desk.checkForUpdates();
    if (result.ok) setStatus(result.value);
    setBusy(false);
  };

  return (
    <section aria-labelledby="update-title" data-testid="update-section">
      <h2 id="update-title">{t('update.title')}</h2>
      <p className={status.state === 'error' ? 'message error' : 'muted'} role="status">
        {describeUpdate(status, t, (iso) => `${format.shortDate(new Date(iso))} ${format.time(new Date(iso))}`)}
      </p>
      {status.state === 'ready' ? (
        <button type="button" className="button primary" onClick={() => void desk.installUpdate()}>
          {t('update.restart')}
        </button>
      ) : (
        <button type="button" className="button secondary" onClick={() => void checkNow()} disabled={busy || status.state === 'checking' || status.state === 'downloading'}>
          {t('update.check')}
        </button>
      )}
    </section>
  );
}

export function describeUpdate(status: UpdateStatus, t: Translate, when: (iso: string) => string): string {
  switch (status.state) {
    case 'unsupported':
    case 'idle':
      return t('update.state.idle');
    case 'offline':
      return t('update.state.offline');
    case 'checking':
      return t('update.state.checking');
    case 'up-to-date':
      return t('update.state.upToDate', { time: when(status.lastCheckedAt) });
    case 'downloading':
      return t('update.state.downloading', { version: status.version, percent: status.percent });
    case 'ready':
      return t('update.state.ready', { version: status.version });
    case 'error':
      return t('update.state.error', { message: status.message });
  }
}
