import { useState, type FormEvent } from 'react';
import { BackupSchedule, SettingsSchema, type Settings } from '../../../shared/ipc/desk-api';
import { useTranslate } from '../../app/use-translate';

/** A full path: C:\… or \\server\share on Windows, /… elsewhere. Main checks it can write there. */
const ABSOLUTE_PATH = /^([A-Za-z]:[\\/]|\\\\[^\\]|\/)/;

/** Settings → automatic backups: how often, and into which folder (empty: the default one). */
export function BackupSettingsForm({ settings, showFolder, apply, onInvalid }: { settings: Settings; showFolder: boolean; apply: (patch: Partial<Settings>) => Promise<void>; onInvalid: (text: string) => void }) {
  const t = useTranslate();
  const [folder, setFolder] = useState(settings.backupFolder ?? '');

  const saveFolder = async (e: FormEvent) => {
    e.preventDefault();
    const value = folder.trim() || null;
    if (value !== null && (!ABSOLUTE_PATH.test(value) || !SettingsSchema.shape.backupFolder.safeParse(value).success)) return onInvalid(t('settings.invalidBackupFolder'));
    await apply({ backupFolder: value });
  };

  return (
    <section aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">{t('settings.backup')}</h2>
      <fieldset>
        <legend>{t('settings.backupSchedule')}</legend>
        {BackupSchedule.options.map((schedule) => (
          <label key={schedule} className="radio">
            <input type="radio" name="backup-schedule" value={schedule} checked={settings.backupSchedule === schedule} onChange={() => void apply({ backupSchedule: schedule })} />
            {t(`settings.backupSchedule.${schedule}`)}
          </label>
        ))}
      </fieldset>
      {/* The browser shell keeps its backups in the browser: there is no folder to choose. */}
      {showFolder && (
      <form onSubmit={saveFolder} noValidate className="stacked-form">
        <label htmlFor="backup-folder">{t('settings.backupFolder')}</label>
        <input id="backup-folder" value={folder} onChange={(e) => setFolder(e.target.value)} maxLength={1000} aria-describedby="backup-folder-hint" spellCheck={false} />
        <p id="backup-folder-hint" className="muted">
          {t('settings.backupFolderHint')}
        </p>
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
      </form>
      )}
    </section>
  );
}
