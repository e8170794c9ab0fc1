import { BOOKKEEPING_FIELDS } from '../../../shared/domain/common';
import { isMergeableField } from './field-display';
import { useFieldValueText } from './use-field-value-text';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { isSyncedTable, type SyncedTable } from '../../../shared/domain/synced-tables';
import { parseStamp } from '../../../shared/sync/hybrid-logical-clock';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import type { SyncedConflictRow } from '../../sync/sync-records';
import { fieldLabel, tableLabel, useSyncRuntime } from './use-sync';

/** Bookkeeping fields ProvinceDesk sets itself: their conflicts need no one's decision. */
// Conflicts kept before the server stopped recording them for bookkeeping fields stay out of sight.
const HIDDEN_FIELDS = new Set(BOOKKEEPING_FIELDS);

/**
 * #/sync/conflicts: every concurrent overwrite the server kept, both versions side by side with who wrote
 * each; a coordinator keeps one, the other, or an edited merge (POST /v1/conflicts/:id/resolve).
 */
export function ConflictsPage() {
  const t = useTranslate();
  const { db } = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const role = useSession((s) => s.role);
  const canResolve = role === 'coordinator' || role === 'admin';
  const conflicts = useLiveQuery(
    async () =>
      ((await db.conflicts.toArray()) as SyncedConflictRow[])
        .filter((c) => c.resolvedAt === null && !HIDDEN_FIELDS.has(c.field))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)),
    [db],
  );

  return (
    <section aria-labelledby="conflicts-title">
      <p>
        <a
          href="#/sync"
          onClick={(e) => {
            e.preventDefault();
            navigate('sync');
          }}
        >
          ← {t('sync.conflicts.back')}
        </a>
      </p>
      <h1 id="conflicts-title">{t('sync.conflicts.title')}</h1>
      <p className="muted">{t('sync.conflicts.intro')}</p>
      {!canResolve && <p className="notice">{t('sync.conflicts.onlyCoordinators')}</p>}
      {conflicts === undefined ? (
        <p>{t('common.loading')}</p>
      ) : conflicts.length === 0 ? (
        <p data-testid="no-conflicts">{t('sync.conflicts.none')}</p>
      ) : (
        <ul className="card-list" data-testid="conflict-list">
          {conflicts.map((c) => (
            <ConflictCard key={c.id} conflict={c} canResolve={canResolve} />
          ))}
        </ul>
      )}
      <p className="muted">{t('sync.conflicts.bookkeeping')}</p>
    </section>
  );
}

function ConflictCard({ conflict, canResolve }: { conflict: SyncedConflictRow; canResolve: boolean }) {
  const t = useTranslate();
  const { db } = useDeskData();
  const runtime = useSyncRuntime();
  const [editing, setEditing] = useState(false);
  const [merged, setMerged] = useState(() => editableText(conflict.winnerValue));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = useLiveQuery(async () => {
    if (!isSyncedTable(conflict.table)) return conflict.recordId;
    const record = (await db.recordTable(conflict.table).get(conflict.recordId)) as Record<string, unknown> | undefined;
    return recordTitle(record) ?? conflict.recordId;
  }, [db, conflict.table, conflict.recordId]);

  const resolve = async (resolution: 'winner' | 'loser' | 'merged') => {
    if (!runtime) return;
    let value: unknown;
    if (resolution === 'merged') {
      const parsed = parseEdited(merged, conflict.winnerValue);
      if (!parsed.ok) return setError(t('sync.conflicts.badJson'));
      value = parsed.value;
    }
    setBusy(true);
    setError(null);
    const result = await runtime.agent.resolveConflict(conflict.id, resolution, value);
    setBusy(false);
    if (!result.ok) setError(t('sync.conflicts.failed', { message: result.detail ?? t(`sync.problem.${result.problem}`) }));
  };

  return (
    <li className="card" data-testid="conflict" data-conflict-id={conflict.id} data-field={conflict.field}>
      <h2 className="card-title">{t('sync.conflicts.record', { table: tableLabel(t, conflict.table), title: title ?? '' })}</h2>
      <p className="card-meta">{t('sync.conflicts.field', { field: fieldLabel(t, conflict.field, conflict.table) })}</p>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', gap: '1rem' }}>
        <Version label={t('sync.conflicts.current')} table={conflict.table} field={conflict.field} value={conflict.winnerValue} author={conflict.winnerAuthor} deviceId={conflict.winnerDeviceId} stamp={conflict.winnerStamp} testId="conflict-winner">
          {canResolve && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => void resolve('winner')} data-testid="keep-winner">
              {t('sync.conflicts.keep')}
            </button>
          )}
        </Version>
        <Version label={t('sync.conflicts.other')} table={conflict.table} field={conflict.field} value={conflict.loserValue} author={conflict.loserAuthor} deviceId={conflict.loserDeviceId} stamp={conflict.loserStamp} testId="conflict-loser">
          {canResolve && (
            <button type="button" className="button secondary" disabled={busy} onClick={() => void resolve('loser')} data-testid="keep-loser">
              {t('sync.conflicts.keep')}
            </button>
          )}
        </Version>
      </div>
      {canResolve && !editing && isMergeableField(conflict.table, conflict.field) && (
        <p>
          <button type="button" className="button secondary" onClick={() => setEditing(true)} data-testid="edit-merge">
            {t('sync.conflicts.edit')}
          </button>
        </p>
      )}
      {canResolve && editing && (
        <div className="stacked-form">
          <label htmlFor={`merge-${conflict.id}`}>{t('sync.conflicts.mergedLabel')}</label>
          <textarea id={`merge-${conflict.id}`} rows={6} value={merged} onChange={(e) => setMerged(e.target.value)} data-testid="merge-text" />
          <button type="button" className="button primary" disabled={busy} onClick={() => void resolve('merged')} data-testid="save-merge">
            {t('sync.conflicts.saveMerged')}
          </button>
        </div>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function Version(props: { label: string; table: SyncedTable; field: string; value: unknown; author: string; deviceId: string | null; stamp: string; testId: string; children?: React.ReactNode }) {
  const t = useTranslate();
  const { shortDate, time } = useDateFormat();
  const valueText = useFieldValueText();
  let when: string;
  try {
    const at = new Date(parseStamp(props.stamp).millis);
    when = `${shortDate(at)} ${time(at)}`;
  } catch {
    when = props.stamp;
  }
  return (
    <div data-testid={props.testId} style={{ border: '1px solid var(--line)', borderRadius: 6, padding: '0.6rem 0.8rem', minWidth: 0 }}>
      <h3 style={{ margin: '0 0 0.3rem', fontSize: '1rem' }}>{props.label}</h3>
      <p className="muted" style={{ margin: '0 0 0.4rem' }}>
        {t('sync.conflicts.by', { name: props.author || t('sync.conflicts.unknownAuthor'), time: when })}
        {props.deviceId ? ` · ${props.deviceId.slice(-8)}` : ''}
      </p>
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0 0 0.5rem' }} data-testid="conflict-value">
        {valueText(props.table, props.field, props.value)}
      </div>
      {props.children}
    </div>
  );
}

function recordTitle(record: Record<string, unknown> | undefined): string | null {
  if (!record) return null;
  if (typeof record.title === 'string' && record.title && typeof record.firstName !== 'string') return record.title;
  if (typeof record.firstName === 'string') return [record.title, record.firstName, record.lastName].filter((p) => typeof p === 'string' && p).join(' ');
  if (typeof record.name === 'string') return record.name;
  return null;
}

function editableText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null, null, 2);
}

/** The merge as edited: a string field stays a string; other fields are edited as JSON. */
function parseEdited(text: string, like: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof like === 'string') return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
