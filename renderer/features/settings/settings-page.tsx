import { useState, type FormEvent } from 'react';
import { SettingsSchema, type EraDisplay, type Language, type Settings } from '../../../shared/ipc/desk-api';
import { desk } from '../../bridge/desk-bridge';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { BackupSection } from '../backup/backup-section';
import { BackupSettingsForm } from './backup-settings-form';
import { DataAndDiagnosticsSection } from './data-and-diagnostics-section';
import { serverChangeWarning } from './server-change-warning';
import { UpdateSection } from './update-section';
import { LockSettingsSection } from '../lock/lock-settings-section';
import { PrivacyHelp } from '../lock/privacy-help';

type Message = { error: boolean; text: string; near: 'general' | 'backup' };

export function SettingsPage() {
  const t = useTranslate();
  const { settings, appInfo, setSettings } = useSession();
  const { db } = useDeskData();
  const [deviceName, setDeviceName] = useState(settings.deviceName);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl ?? '');
  const [message, setMessage] = useState<Message | null>(null);

  const applyNear = (near: Message['near']) => async (patch: Partial<Settings>, saved: string = t('common.saved')) => {
    const result = await desk.updateSettings(patch);
    if (result.ok) {
      setSettings(result.value);
      setMessage({ error: false, text: saved, near });
    } else {
      setMessage({ error: true, text: t('common.error', { message: result.error.message }), near });
    }
  };
  const apply = applyNear('general');

  const saveConnection = async (e: FormEvent) => {
    e.preventDefault();
    const url = serverUrl.trim() || null;
    const invalid = (text: string) => setMessage({ error: true, text, near: 'general' });
    if (url !== null && !/^https?:\/\//.test(url)) return invalid(t('settings.invalidUrl'));
    if (!SettingsSchema.shape.deviceName.safeParse(deviceName).success) return invalid(t('settings.invalidDeviceName'));
    if (url !== null && !SettingsSchema.shape.serverUrl.safeParse(url).success) return invalid(t('settings.invalidUrl'));
    // Another server: signed out first (by main), and what waits will go to the new one. Ask first.
    const signedIn = useSession.getState().syncSession !== null;
    const warning = serverChangeWarning(t, { signedIn, pending: await db.outbox.count(), from: settings.serverUrl, to: url });
    if (warning !== null && !window.confirm(warning)) return;
    // Another address while signed in: saving it signs out (the warning said so).
    await apply({ deviceName: deviceName.trim(), serverUrl: url }, signedIn && warning !== null ? t('settings.serverChange.done') : undefined);
  };

  // Feedback appears beside the form it belongs to, not at the top of a long page.
  const messageNear = (near: Message['near']) =>
    message?.near === near && (
      <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'}>
        {message.text}
      </p>
    );

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset>
        <legend>{t('settings.language')}</legend>
        {(['th', 'en'] as Language[]).map((lang) => (
          <label key={lang} className="radio">
            <input type="radio" name="language" value={lang} checked={settings.language === lang} onChange={() => void apply({ language: lang })} />
            {t(`settings.language.${lang}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.era')}</legend>
        {(['be', 'ce'] as EraDisplay[]).map((era) => (
          <label key={era} className="radio">
            <input type="radio" name="era" value={era} checked={settings.era === era} onChange={() => void apply({ era })} />
            {t(`settings.era.${era}`)}
          </label>
        ))}
      </fieldset>
      <form onSubmit={saveConnection} noValidate className="stacked-form">
        <label htmlFor="device-name">{t('settings.deviceName')}</label>
        <input id="device-name" value={deviceName} onChange={(e) => setDeviceName(e.target.value)} maxLength={100} />
        <label htmlFor="server-url">{t('settings.serverUrl')}</label>
        <input id="server-url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} inputMode="url" placeholder="https://" aria-describedby="server-url-hint" />
        <p id="server-url-hint" className="muted">
          {t('settings.serverUrlHint')}
        </p>
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
      </form>
      {messageNear('general')}
      <BackupSettingsForm
        settings={settings}
        showFolder={appInfo?.shell === 'electron'}
        apply={applyNear('backup')}
        onInvalid={(text) => setMessage({ error: true, text, near: 'backup' })}
      />
      {messageNear('backup')}
      <LockSettingsSection />
      <BackupSection />
      <UpdateSection />
      <DataAndDiagnosticsSection />
      <PrivacyHelp />
      {appInfo && (
        <>
          <h2>{t('settings.about')}</h2>
          <p className="muted">{t('settings.version', { version: appInfo.version, shell: appInfo.shell })}</p>
        </>
      )}
    </section>
  );
}
