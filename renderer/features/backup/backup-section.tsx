import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { LocalBackupInfo } from '../../../shared/ipc/desk-api';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { BackupError } from '../../backup/backup-error';
import { exportBackup } from '../../backup/backup-export';
import { BACKUP_EXTENSION, backupFileName } from '../../backup/backup-format';
import { inspectBackup, type InspectedBackup } from '../../backup/backup-inspect';
import { encryptedBackupHeader, MIN_BACKUP_PASSPHRASE_LENGTH, openBackupFile, type BackupEncryption, type BackupSecrets } from '../../backup/backup-encryption';
import { currentKeys, useAppLock } from '../lock/app-lock';
import { deviceBackupEncryption, deviceBackupSecrets } from './device-backup-keys';
import type { BackupProgress } from '../../backup/backup-progress';
import { restoreWithSafetyCopy } from '../../backup/restore-with-safety-copy';
import { desk } from '../../bridge/desk-bridge';
import { CURRENT_SCHEMA_VERSION } from '../../db/schema-versions';
import type { MessageKey } from '../../app/i18n/translate';
import { localBackupStoreFor } from './local-backup-store-for';
import './backup.css';
import { FormProblem } from '../lock/form-problem';

const RESTORED_KEY = 'provincedesk.backup.restored';
const RESTORED_FOREIGN_KEY = 'provincedesk.backup.restoredForeign';
const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
const FILTERS = (name: string) => [{ name, extensions: [BACKUP_EXTENSION] }];

type Busy = { label: 'export' | 'check' | 'safety' | 'import' | 'replace'; done: number; total: number } | null;
type Candidate = { fileName: string; backup: InspectedBackup; current: Record<string, number> };
type Encrypted = { fileName: string; data: Uint8Array };

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
  const [choosingPassphrase, setChoosingPassphrase] = useState(false);
  const [encrypted, setEncrypted] = useState<Encrypted | null>(null);
  const keyring = useAppLock((s) => s.keyring);
  useAppLock((s) => s.version);

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
    const foreign = window.sessionStorage.getItem(RESTORED_FOREIGN_KEY) !== null;
    window.sessionStorage.removeItem(RESTORED_FOREIGN_KEY);
    setMessage({ error: false, text: `${t('backup.restored', { rows: Number(rows) })}${foreign ? ` ${t('backup.foreignRestored')}` : ''}` });
  }, [t]);

  const onProgress = (p: BackupProgress) => setBusy({ label: p.phase, done: p.done, total: p.total });
  const errorText = (error: unknown) =>
    error instanceof BackupError ? t(`backup.error.${error.code}` as MessageKey) : t('backup.error.desk', { message: (error as Error).message });

  const createBackup = async (encryption: BackupEncryption) => {
    setMessage(null);
    setChoosingPassphrase(false);
    setBusy({ label: 'export', done: 0, total: 0 });
    try {
      const { header, file } = await exportBackup(db, { appVersion, onProgress, encryption });
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

  /**
   * Checks a file and shows what it holds; nothing is written yet. An encrypted one opens with this computer's
   * keys (its own automatic backups) or the office's backup key when that is its key, else asks for the passphrase.
   */
  const consider = async (fileName: string, data: Uint8Array, typed?: string) => {
    setBusy({ label: 'check', done: 0, total: 0 });
    try {
      const secrets: BackupSecrets = { ...deviceBackupSecrets(), passphrase: typed };
      const header = encryptedBackupHeader(data);
      const keys = currentKeys();
      if (!typed && header?.encryption.source === 'office-key' && keyring?.hasOfficeBackupKey && keys) secrets.passphrase = (await keyring.officeBackupKey(keys)) ?? undefined;
      let inner: Uint8Array;
      try {
        inner = await openBackupFile(data, secrets);
      } catch (error) {
        const needs = error instanceof BackupError && (error.code === 'needs-passphrase' || (error.code === 'wrong-passphrase' && !typed));
        if (!needs) throw error;
        setEncrypted({ fileName, data });
        return;
      }
      setEncrypted(null);
      const backup = await inspectBackup(inner);
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
    setEncrypted(null);
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
      const result = await restoreWithSafetyCopy(db, candidate.backup, { store, appVersion, onProgress, encryption: deviceBackupEncryption() });
      if (!result.ok) {
        setMessage({ error: true, text: t('backup.safetyFailed', { message: result.message }) });
        return;
      }
      setCandidate(null);
      // Another computer's backup: this one has a new device id now, and signs in anew (backup-restore.ts).
      if (result.foreign) {
        await desk.signOut();
        window.sessionStorage.setItem(RESTORED_FOREIGN_KEY, '1');
      }
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
        <button type="button" className="button primary" onClick={() => setChoosingPassphrase(true)} disabled={busy !== null}>
          {t('backup.create')}
        </button>
        <button type="button" className="button secondary" onClick={pickFile} disabled={busy !== null}>
          {t('backup.restoreFromFile')}
        </button>
      </div>

      {choosingPassphrase && <EncryptForm officeKey={keyring?.hasOfficeBackupKey === true} onSave={createBackup} onCancel={() => setChoosingPassphrase(false)} />}
      {encrypted && <DecryptForm busy={busy !== null} onOpen={(passphrase) => consider(encrypted.fileName, encrypted.data, passphrase)} onCancel={() => setEncrypted(null)} />}

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

      <OfficeBackupKey />

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

/** Export: the office's backup key, or a passphrase typed twice for this file. Never an unencrypted file. */
function EncryptForm({ officeKey, onSave, onCancel }: { officeKey: boolean; onSave: (encryption: BackupEncryption) => void; onCancel: () => void }) {
  const t = useTranslate();
  const keyring = useAppLock((s) => s.keyring);
  const [useOffice, setUseOffice] = useState(officeKey);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const keys = currentKeys();
    if (useOffice && keyring && keys) {
      const office = await keyring.officeBackupKey(keys);
      if (office) return onSave({ source: 'office-key', passphrase: office });
    }
    if ([...passphrase].length < MIN_BACKUP_PASSPHRASE_LENGTH) return setProblem(t('backup.error.weak-passphrase'));
    if (passphrase !== repeat) return setProblem(t('backup.encrypt.mismatch'));
    onSave({ source: 'passphrase', passphrase });
  };
  return (
    <form className="card stacked-form" onSubmit={submit} noValidate data-testid="backup-encrypt-form">
      <h3>{t('backup.encrypt.title')}</h3>
      <p className="muted">{t('backup.encrypt.lead')}</p>
      {officeKey && (
        <>
          <label className="radio">
            <input type="radio" name="backup-key" checked={useOffice} onChange={() => setUseOffice(true)} /> {t('backup.encrypt.office')}
          </label>
          <label className="radio">
            <input type="radio" name="backup-key" checked={!useOffice} onChange={() => setUseOffice(false)} /> {t('backup.encrypt.own')}
          </label>
        </>
      )}
      {!useOffice && (
        <>
          <label htmlFor="backup-passphrase">{t('backup.encrypt.passphrase')}</label>
          <input id="backup-passphrase" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" autoFocus />
          <label htmlFor="backup-passphrase-repeat">{t('backup.encrypt.repeat')}</label>
          <input id="backup-passphrase-repeat" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
        </>
      )}
      <FormProblem text={problem} />
      <SubmitOrCancel label={t('backup.encrypt.save')} onCancel={onCancel} />
    </form>
  );
}

function SubmitOrCancel({ label, disabled, onCancel }: { label: string; disabled?: boolean; onCancel: () => void }) {
  const t = useTranslate();
  return (
    <div className="backup-actions">
      <button type="submit" className="button primary" disabled={disabled}>
        {label}
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        {t('backup.cancel')}
      </button>
    </div>
  );
}

/** Restore of an encrypted file: its passphrase (a wrong one is refused in Thai, nothing is written). */
function DecryptForm({ busy, onOpen, onCancel }: { busy: boolean; onOpen: (passphrase: string) => void; onCancel: () => void }) {
  const t = useTranslate();
  const [passphrase, setPassphrase] = useState('');
  return (
    <form
      className="card stacked-form"
      data-testid="backup-decrypt-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (passphrase) onOpen(passphrase);
      }}
    >
      <h3>{t('backup.decrypt.title')}</h3>
      <label htmlFor="backup-open-passphrase">{t('backup.decrypt.passphrase')}</label>
      <input id="backup-open-passphrase" type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" autoFocus />
      <SubmitOrCancel label={t('backup.decrypt.open')} disabled={busy} onCancel={onCancel} />
    </form>
  );
}

/** Settings: the office's backup key, kept in the keyring sealed by the master key. */
function OfficeBackupKey() {
  const t = useTranslate();
  const keyring = useAppLock((s) => s.keyring);
  useAppLock((s) => s.version);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const keys = currentKeys();
  if (!keyring || !keys) return null;
  const save = async (passphrase: string | null) => {
    if (passphrase !== null && [...passphrase].length < MIN_BACKUP_PASSPHRASE_LENGTH) return setProblem(t('backup.error.weak-passphrase'));
    setProblem(null);
    await keyring.setOfficeBackupKey(keys, passphrase);
    setValue('');
    useAppLock.getState().changed();
  };
  return (
    <div className="stacked-form" data-testid="office-backup-key">
      <h3>{t('backup.officeKey.title')}</h3>
      <p className="muted">{t('backup.officeKey.lead')}</p>
      <p data-testid="office-backup-key-state">{keyring.hasOfficeBackupKey ? t('backup.officeKey.set') : t('backup.officeKey.none')}</p>
      <label htmlFor="office-backup-key">{t('backup.officeKey.title')}</label>
      <input id="office-backup-key" type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="new-password" />
      <div className="backup-actions">
        <button type="button" className="button secondary" onClick={() => void save(value)}>
          {t('backup.officeKey.save')}
        </button>
        {keyring.hasOfficeBackupKey && (
          <button type="button" className="button secondary" onClick={() => void save(null)}>
            {t('backup.officeKey.clear')}
          </button>
        )}
      </div>
      <FormProblem text={problem} />
    </div>
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
