import { useState, type FormEvent } from 'react';
import { SettingsSchema, type EraDisplay, type Language } from '../../../shared/ipc/desk-api';
import { desk } from '../../bridge/desk-bridge';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';

export function SettingsPage() {
  const t = useTranslate();
  const { settings, appInfo, setSettings } = useSession();
  const [deviceName, setDeviceName] = useState(settings.deviceName);
  const [serverUrl, setServerUrl] = useState(settings.serverUrl ?? '');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const apply = async (patch: Partial<typeof settings>) => {
    const result = await desk.updateSettings(patch);
    if (result.ok) {
      setSettings(result.value);
      setMessage({ error: false, text: t('common.saved') });
    } else {
      setMessage({ error: true, text: t('common.error', { message: result.error.message }) });
    }
  };

  const saveConnection = async (e: FormEvent) => {
    e.preventDefault();
    const url = serverUrl.trim() || null;
    if (url !== null && !/^https?:\/\//.test(url)) return setMessage({ error: true, text: t('settings.invalidUrl') });
    if (!SettingsSchema.shape.deviceName.safeParse(deviceName).success) return setMessage({ error: true, text: t('settings.invalidDeviceName') });
    if (url !== null && !SettingsSchema.shape.serverUrl.safeParse(url).success) return setMessage({ error: true, text: t('settings.invalidUrl') });
    await apply({ deviceName: deviceName.trim(), serverUrl: url });
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <fieldset>
        <legend>{t('settings.language')}</legend>
        {(['th', 'en'] as Language[]).map((lang) => (
          <label key={lang} className="radio">
            <input type="radio" name="language" value={lang} checked={settings.language === lang} onChange={() => apply({ language: lang })} />
            {t(`settings.language.${lang}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.era')}</legend>
        {(['be', 'ce'] as EraDisplay[]).map((era) => (
          <label key={era} className="radio">
            <input type="radio" name="era" value={era} checked={settings.era === era} onChange={() => apply({ era })} />
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
      {message && (
        <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {appInfo && (
        <>
          <h2>{t('settings.about')}</h2>
          <p className="muted">{t('settings.version', { version: appInfo.version, shell: appInfo.shell })}</p>
        </>
      )}
    </section>
  );
}
