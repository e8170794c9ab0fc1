import { useCallback, useEffect, useState } from 'react';
import type { LocalBackupInfo } from '../../../shared/ipc/desk-api';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { BackupError } from '../../backup/backup-error';
import { exportBackup } from '../../backup/backup-export';
import { BACKUP_EXTENSION, backupFileName } from '../../backup/backup-format';
import { inspectBackup, type InspectedBackup } from '../../backup/backup-inspect';
import type { BackupProgress } from '../../backup/backup-progress';
import { restoreWithSafetyCopy } from '../../backup/restore-with-safety-copy';
import { desk } from '../../bridge/desk-bridge';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema-versions';
import type { MessageKey } from '../../app/i18n/translate';
import { localBackupStoreFor } from './local-backup-store-for';
import './backup.css';

const RESTORED_KEY = 'provincedesk.backup.restored';
const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
const FILTERS = (name: string) => [{ name, extensions: [BACKUP_EXTENSION] }];

type Busy = { label: 'export' | 'check' | 'safety' | 'import' | 'replace'; done: number; total: number } | null;
type Candidate = { fileName: string; backup: InspectedBackup; current: Record<string, number> };

/** Settings → backup and restore: one file through the save dialog, a summary and a confirm step before any restore. */
export function BackupSection() {
  const t = useTranslate();
  const format = useDateFormat();
  const { db } = useDeskData();
  const appInfo = useSession((s) => s.appInfo);
  const store = localBackupStoreFor(appInfo?.shell);
  const appVersion = appInfo?.version ?? '0.0.0';
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [localBackups, setLocalBackups] = useState<LocalBackupInfo[]>([]);

  const refreshLocal = useCallback(async () => {
    const listed = await store.listLocalBackups();
    if (listed.ok) setLocalBackups(listed.value);
  }, [store]);
  useEffect(() => {
    void refreshLocal();
  }, [refreshLocal]);
  useEffect(() => {
    // Said after the reload that follows a restore (see confirmRestore).
    const rows = window.sessionStorage.getItem(RESTORED_KEY);
    if (rows === null) return;
    window.sessionStorage.removeItem(RESTORED_KEY);
    setMessage({ error: false, text: t('backup.restored', { rows: Number(rows) }) });
  }, [t]);

  const onProgress = (p: BackupProgress) => setBusy({ label: p.phase, done: p.done, total: p.total });
  const errorText = (error: unknown) =>
    error instanceof BackupError ? t(`backup.error.${error.code}` as MessageKey) : t('backup.error.desk', { message: (error as Error).message });

  const createBackup = async () => {
    setMessage(null);
    setBusy({ label: 'export', done: 0, total: 0 });
    try {
      const { header, file } = await exportBackup(db, { appVersion, onProgress });
      const rows = Object.values(header.counts).reduce((a, b) => a + b, 0);
      const saved = await desk.saveFile({ suggestedName: backupFileName(new Date(header.createdAt)), filters: FILTERS(t('backup.fileType')), data: file });
      if (!saved.ok) setMessage({ error: true, text: t('backup.error.desk', { message: saved.error.message }) });
      else setMessage(saved.value.saved ? { error: false, text: t('backup.saved', { fileName: saved.value.fileName, rows }) } : { error: false, text: t('backup.notSaved') });
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  /** Checks a file and shows what it holds; nothing is written yet. */
  const consider = async (fileName: string, data: Uint8Array) => {
    setBusy({ label: 'check', done: 0, total: 0 });
    try {
      const backup = await inspectBackup(data);
      const current: Record<string, number> = {};
      for (const table of db.tables) current[table.name] = await table.count();
      setCandidate({ fileName, backup, current });
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  const pickFile = async () => {
    setMessage(null);
    setCandidate(null);
    const opened = await desk.openFiles({ filters: FILTERS(t('backup.fileType')), multiple: false, maxBytesPerFile: MAX_BACKUP_BYTES });
    if (!opened.ok) return setMessage({ error: true, text: t('backup.error.desk', { message: opened.error.message }) });
    const [file] = opened.value;
    if (file) await consider(file.name, file.data);
  };

  const pickLocal = async (name: string) => {
    setMessage(null);
    setCandidate(null);
    const read = await store.readLocalBackup({ name });
    if (!read.ok) return setMessage({ error: true, text: t('backup.error.desk', { message: read.error.message }) });
    await consider(name, read.value.data);
  };

  const confirmRestore = async () => {
    if (!candidate) return;
    setBusy({ label: 'safety', done: 0, total: 0 });
    try {
      const result = await restoreWithSafetyCopy(db, candidate.backup, { store, appVersion, onProgress });
      if (!result.ok) {
        setMessage({ error: true, text: t('backup.safetyFailed', { message: result.message }) });
        return;
      }
      setCandidate(null);
      // The open repositories, caches and device clock still hold the old data: start again on the
      // restored one (the hash keeps this page), and say so there.
      window.sessionStorage.setItem(RESTORED_KEY, String(candidate.backup.totalRows));
      window.location.reload();
    } catch (error) {
      setMessage({ error: true, text: errorText(error) });
      void refreshLocal();
    } finally {
      setBusy(null);
    }
  };

  const tableLabel = (name: keyof typeof TABLE_KEYS) => t(`backup.table.${name}`);

  return (
    <section aria-labelledby="backup-title" className="backup-section" data-testid="backup-section">
      <h2 id="backup-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.lead')}</p>
      <div className="backup-actions">
        <button type="button" className="button primary" onClick={createBackup} disabled={busy !== null}>
          {t('backup.create')}
        </button>
        <button type="button" className="button secondary" onClick={pickFile} disabled={busy !== null}>
          {t('backup.restoreFromFile')}
        </button>
      </div>

      {busy && (
        <div className="backup-progress" role="status" aria-live="polite">
          <progress max={busy.total || undefined} value={busy.total ? busy.done : undefined} aria-label={t('backup.title')} />
          <span>{t(`backup.phase.${busy.label}`, { done: busy.done, total: busy.total })}</span>
        </div>
      )}
      {message && (
        <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'} data-testid="backup-message">
          {message.text}
        </p>
      )}

      {candidate && (
        <div className="card backup-summary" data-testid="backup-summary">
          <h3>{t('backup.summary.title')}</h3>
          <dl>
            <dt>{t('backup.summary.file')}</dt>
            <dd>{candidate.fileName}</dd>
            <dt>{t('backup.summary.createdAt')}</dt>
            <dd>
              {format.longDate(new Date(candidate.backup.header.createdAt))} {format.time(new Date(candidate.backup.header.createdAt))}
            </dd>
            {candidate.backup.header.deviceId && (
              <>
                <dt>{t('backup.summary.device')}</dt>
                <dd className="backup-device">{candidate.backup.header.deviceId}</dd>
              </>
            )}
            <dd className="muted">{t('backup.summary.version', { appVersion: candidate.backup.header.appVersion, schemaVersion: candidate.backup.header.schemaVersion })}</dd>
          </dl>
          {candidate.backup.header.schemaVersion < CURRENT_SCHEMA_VERSION && <p className="notice">{t('backup.summary.olderSchema')}</p>}
          <table className="backup-counts">
            <thead>
              <tr>
                <th scope="col">{t('backup.summary.table')}</th>
                <th scope="col">{t('backup.summary.inFile')}</th>
                <th scope="col">{t('backup.summary.current')}</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(TABLE_KEYS) as (keyof typeof TABLE_KEYS)[]).map((name) => (
                <tr key={name} data-table={name}>
                  <th scope="row">{tableLabel(name)}</th>
                  <td>{(candidate.backup.header.counts[name] ?? 0).toLocaleString('th-TH')}</td>
                  <td>{(candidate.current[name] ?? 0).toLocaleString('th-TH')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="backup-warning">{t('backup.summary.warning')}</p>
          <div className="backup-actions">
            <button type="button" className="button danger" onClick={confirmRestore} disabled={busy !== null}>
              {t('backup.confirmRestore')}
            </button>
            <button type="button" className="button secondary" onClick={() => setCandidate(null)} disabled={busy !== null}>
              {t('backup.cancel')}
            </button>
          </div>
        </div>
      )}

      <h3>{t('backup.local.title')}</h3>
      <p className="muted">{t('backup.local.hint')}</p>
      {localBackups.length === 0 ? (
        <p className="muted">{t('backup.local.none')}</p>
      ) : (
        <ul className="backup-local-list" data-testid="local-backups">
          {localBackups.map((b) => (
            <li key={b.name}>
              <span>
                {format.shortDate(new Date(b.createdAt))} {format.time(new Date(b.createdAt))}
              </span>
              <span>{t(`backup.reason.${b.reason}`)}</span>
              <span className="muted">{t('backup.local.size', { size: Math.max(1, Math.round(b.size / 1024)) })}</span>
              <button type="button" className="button secondary" onClick={() => pickLocal(b.name)} disabled={busy !== null}>
                {t('backup.local.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The tables shown in the summary, in the order a user thinks of them (the rest are bookkeeping). */
const TABLE_KEYS = {
  news: true,
  newsRevisions: true,
  events: true,
  centres: true,
  members: true,
  partners: true,
  attendance: true,
  attachments: true,
  blobs: true,
  auditEntries: true,
  outbox: true,
  conflicts: true,
} as const;
