import { useLiveQuery } from 'dexie-react-hooks';
import { useDeskData } from '../desk-data-context';
import { useSession } from '../session-store';
import { useTranslate } from '../use-translate';

/** Always visible: online or offline, and how many local changes wait to sync. */
export function StatusBar() {
  const t = useTranslate();
  const { db } = useDeskData();
  const online = useSession((s) => s.online);
  const pending = useLiveQuery(() => db.outbox.count(), [db]);

  return (
    <footer className="status-bar" role="status" aria-label={t('status.label')}>
      <span className={`status-dot ${online ? 'online' : 'offline'}`} data-testid="network-status" data-online={online}>
        {online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="pending-count" data-count={pending ?? ''}>
        {pending === undefined ? t('common.loading') : pending === 0 ? t('status.noPending') : t('status.pending', { count: pending })}
      </span>
    </footer>
  );
}
