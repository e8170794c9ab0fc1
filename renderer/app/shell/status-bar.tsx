import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncStatus } from '../../features/sync/use-sync';
import { useDeskData } from '../desk-data-context';
import { useDateFormat } from '../use-date-format';
import { useNavigation } from '../navigation-store';
import { useSession } from '../session-store';
import { useTranslate } from '../use-translate';

/** Always visible: network, where sync stands (with a progress bar on a first download), last sync, pending changes. */
export function StatusBar() {
  const t = useTranslate();
  const { db } = useDeskData();
  const online = useSession((s) => s.online);
  const signedIn = useSession((s) => s.syncSession !== null);
  const navigate = useNavigation((s) => s.navigate);
  const status = useSyncStatus();
  const { shortDate, time } = useDateFormat();
  const pending = useLiveQuery(() => db.outbox.count(), [db]);

  const state = !signedIn ? 'signed-out' : !online ? 'offline' : status.state === 'signed-out' ? 'up-to-date' : status.state;
  const last = status.lastSyncAt ? new Date(status.lastSyncAt) : null;
  const problem = state === 'error' || state === 'offline' ? status.problem : (status.clockWarning ?? null);

  return (
    <footer className="status-bar" role="status" aria-label={t('status.label')}>
      <span className={`status-dot ${online ? 'online' : 'offline'}`} data-testid="network-status" data-online={online}>
        {online ? t('status.online') : t('status.offline')}
      </span>
      <button
        type="button"
        className="status-sync"
        data-testid="sync-status"
        data-state={state}
        onClick={() => navigate('sync')}
        title={problem ? t(`sync.problem.${problem}`) : undefined}
        style={{ font: 'inherit', background: 'none', border: 'none', padding: 0, cursor: 'pointer', color: state === 'error' ? 'var(--error)' : 'inherit' }}
      >
        {t(`sync.state.${state}`)}
      </button>
      {state === 'syncing' && status.initialPull && (
        <span data-testid="initial-pull">
          <progress
            aria-label={t('sync.initialPull', { count: status.initialPull.stored })}
            style={{ width: '8rem', verticalAlign: 'middle' }}
            data-testid="initial-pull-progress"
            {...(status.initialPull.fraction != null ? { value: status.initialPull.fraction, max: 1 } : {})}
          />{' '}
          {t('sync.initialPull', { count: status.initialPull.stored })}
        </span>
      )}
      {signedIn && (
        <span data-testid="last-sync" className="muted">
          {last ? t('sync.lastSync', { time: `${shortDate(last)} ${time(last)}` }) : t('sync.neverSynced')}
        </span>
      )}
      <span data-testid="pending-count" data-count={pending ?? ''}>
        {pending === undefined ? t('common.loading') : pending === 0 ? t('status.noPending') : t('status.pending', { count: pending })}
      </span>
    </footer>
  );
}
