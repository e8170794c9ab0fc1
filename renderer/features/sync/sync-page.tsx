import { BOOKKEEPING_FIELDS } from '../../../shared/domain/common';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import { HISTORY_KEY, type SyncHistoryEntry } from '../../sync/sync-records';
import { serverChangeWarning } from '../settings/server-change-warning';
import { ConflictsPage } from './conflicts-page';
import { RejectedChanges } from './rejected-changes';
import { useSyncRuntime, useSyncStatus } from './use-sync';

/** #/sync: sign-in, where sync stands, its history and problems; #/sync/conflicts: the conflicts page. */
export function SyncPage() {
  const path = useNavigation((s) => s.path);
  if (path[0] === 'conflicts') return <ConflictsPage />;
  return <SyncOverview />;
}

function SyncOverview() {
  const t = useTranslate();
  const { db, identity } = useDeskData();
  const session = useSession((s) => s.syncSession);
  const pending = useLiveQuery(() => db.outbox.count(), [db]);

  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      {session ? <SignedIn /> : <SignInForm />}
      <h2>{t('sync.pendingTitle')}</h2>
      <p data-testid="sync-pending">{pending === undefined ? t('common.loading') : pending === 0 ? t('sync.pendingNone') : t('sync.pendingSome', { count: pending })}</p>
      {session && <SyncStatusPanel />}
      <RejectedChanges />
      <SyncHistory />
      <p className="muted">
        {t('sync.device')}: <code>{identity.deviceId}</code>
      </p>
    </section>
  );
}

function SignInForm() {
  const t = useTranslate();
  const { db } = useDeskData();
  const settings = useSession((s) => s.settings);
  const setSettings = useSession((s) => s.setSettings);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(settings.deviceName);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const url = serverUrl.trim();
    if (!url || !username.trim() || !password) return setError(t('sync.signIn.missing'));
    if (!/^https?:\/\/[^\s]+$/.test(url)) return setError(t('sync.signIn.badUrl'));
    // Changes written for the server last used would go to this other one: ask first.
    const warning = serverChangeWarning(t, { signedIn: false, pending: await db.outbox.count(), from: settings.serverUrl, to: url });
    if (warning !== null && !window.confirm(warning)) return;
    setBusy(true);
    setError(null);
    const result = await desk.signIn({ serverUrl: url, username: username.trim(), password, deviceName: deviceName.trim() || settings.deviceName });
    setBusy(false);
    if (!result.ok) return setError(t('sync.signIn.failed', { message: result.error.message }));
    setPassword('');
    useSession.getState().setSyncSession(result.value);
    const next = await desk.getSettings();
    if (next.ok) setSettings(next.value);
  };

  return (
    <form onSubmit={submit} noValidate className="stacked-form" aria-labelledby="sign-in-title" data-testid="sign-in-form">
      <h2 id="sign-in-title">{t('sync.signIn.title')}</h2>
      <p className="muted">{t('sync.signIn.intro')}</p>
      <label htmlFor="sync-server-url">{t('sync.signIn.serverUrl')}</label>
      <input id="sync-server-url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} inputMode="url" placeholder="https://" autoComplete="url" />
      <label htmlFor="sync-username">{t('sync.signIn.username')}</label>
      <input id="sync-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
      <label htmlFor="sync-password">{t('sync.signIn.password')}</label>
      <input id="sync-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
      <label htmlFor="sync-device-name">{t('sync.signIn.deviceName')}</label>
      <input id="sync-device-name" value={deviceName} onChange={(e) => setDeviceName(e.target.value)} maxLength={100} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('sync.signIn.working') : t('sync.signIn.submit')}
      </button>
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function SignedIn() {
  const t = useTranslate();
  const session = useSession((s) => s.syncSession);
  const { db } = useDeskData();
  const runtime = useSyncRuntime();
  if (!session) return null;

  const signOut = async () => {
    const pending = await db.outbox.count();
    if (pending > 0 && !window.confirm(t('sync.signOut.pending', { count: pending }))) return;
    await desk.signOut();
    useSession.getState().setSyncSession(null);
  };

  return (
    <div>
      <p data-testid="signed-in-as">
        {t('sync.signedInAs', { name: session.user.displayName, role: t(`sync.role.${session.user.role}`), server: session.serverUrl })}
      </p>
      <p style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap' }}>
        <button type="button" className="button primary" onClick={() => void runtime?.scheduler.syncNow('manual')} data-testid="sync-now">
          {t('sync.syncNow')}
        </button>
        <button type="button" className="button secondary" onClick={() => void signOut()}>
          {t('sync.signOut')}
        </button>
      </p>
      <ConflictsLink />
    </div>
  );
}

function ConflictsLink() {
  const t = useTranslate();
  const { db } = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const role = useSession((s) => s.role);
  const open = useLiveQuery(async () => (await db.conflicts.toArray()).filter((c) => c.resolvedAt === null && !BOOKKEEPING_FIELDS.includes(c.field)).length, [db]);
  if (role !== 'coordinator' && role !== 'admin') return null;
  return (
    <p>
      <a
        href="#/sync/conflicts"
        data-testid="conflicts-link"
        onClick={(e) => {
          e.preventDefault();
          navigate('sync', 'conflicts');
        }}
      >
        {t('sync.conflictsLink', { count: open ?? 0 })}
      </a>
    </p>
  );
}

function SyncStatusPanel() {
  const t = useTranslate();
  const status = useSyncStatus();
  const { shortDate, time } = useDateFormat();
  const last = status.lastSyncAt ? new Date(status.lastSyncAt) : null;
  const problems = [status.problem, status.clockWarning].filter((p, i, all): p is NonNullable<typeof p> => p !== null && all.indexOf(p) === i);
  return (
    <>
      <h2>{t('sync.statusTitle')}</h2>
      <p data-testid="sync-state" data-state={status.state}>
        {t(`sync.state.${status.state}`)} · {last ? t('sync.lastSync', { time: `${shortDate(last)} ${time(last)}` }) : t('sync.neverSynced')}
      </p>
      {status.initialPull && status.state === 'syncing' && (
        <p>
          <progress aria-label={t('sync.initialPull', { count: status.initialPull.stored })} /> {t('sync.initialPull', { count: status.initialPull.stored })}
        </p>
      )}
      {problems.map((problem) => (
        <p key={problem} className={status.state === 'error' ? 'message error' : 'notice'} role={status.state === 'error' ? 'alert' : undefined} data-testid="sync-problem">
          {t(`sync.problem.${problem}`)}
          {status.detail && problem === status.problem && problem !== 'offline' ? <span className="muted"> ({status.detail})</span> : null}
        </p>
      ))}
    </>
  );
}

function SyncHistory() {
  const t = useTranslate();
  const { db } = useDeskData();
  const { shortDate, time } = useDateFormat();
  const history = useLiveQuery(async () => ((await db.syncState.get(HISTORY_KEY))?.value as SyncHistoryEntry[] | undefined) ?? [], [db]);
  return (
    <>
      <h2>{t('sync.historyTitle')}</h2>
      {!history || history.length === 0 ? (
        <p className="muted">{t('sync.history.empty')}</p>
      ) : (
        <table data-testid="sync-history" className="sync-history" style={{ borderSpacing: '1rem 0.3rem', marginLeft: '-1rem' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>{t('sync.history.when')}</th>
              <th scope="col" style={{ textAlign: 'left' }}>{t('sync.history.why')}</th>
              <th scope="col" style={{ textAlign: 'left' }}>{t('sync.history.result')}</th>
            </tr>
          </thead>
          <tbody>
            {history.slice(0, 30).map((entry) => {
              const at = new Date(entry.at);
              const reasonKey = `sync.reason.${entry.reason}` as MessageKey;
              return (
                <tr key={`${entry.at}-${entry.reason}`} data-outcome={entry.outcome}>
                  <td>
                    {shortDate(at)} {time(at)}
                  </td>
                  <td>{reasonKey in REASON_KEYS ? t(reasonKey) : entry.reason}</td>
                  <td>
                    {t(`sync.history.${entry.outcome}`)} · {t('sync.history.counts', { pushed: entry.pushed, pulled: entry.pulled })}
                    {entry.problem && <div className={entry.outcome === 'error' ? 'message error' : 'muted'}>{t(`sync.problem.${entry.problem}`)}</div>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

const REASON_KEYS: Record<string, true> = Object.fromEntries(
  ['start', 'reconnect', 'resumed', 'local-change', 'poke', 'interval', 'retry', 'manual', 'signed-in', 'conflict-resolved'].map((r) => [`sync.reason.${r}`, true]),
);


