import { useLiveQuery } from 'dexie-react-hooks';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';

/** Where sync stands on this device; signing in and conflicts come with the sync capability. */
export function SyncPage() {
  const t = useTranslate();
  const { db, identity } = useDeskData();
  const serverUrl = useSession((s) => s.settings.serverUrl);
  const pending = useLiveQuery(() => db.outbox.count(), [db]);

  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      {!serverUrl && <p className="notice">{t('sync.notConnected')}</p>}
      <h2>{t('sync.pendingTitle')}</h2>
      <p>{pending === undefined ? t('common.loading') : pending === 0 ? t('sync.pendingNone') : t('sync.pendingSome', { count: pending })}</p>
      <p className="muted">
        {t('sync.device')}: <code>{identity.deviceId}</code>
      </p>
    </section>
  );
}
