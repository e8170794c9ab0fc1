import { useState } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { currentKeys, lockApp, useAppLock } from './app-lock';
import { LockSetupForm } from './lock-setup-form';

const MINUTES = [5, 10, 15, 30, 60, 120];

/** Settings → the idle time before the app locks, lock now, set or change the unlock password. */
export function LockSettingsSection() {
  const t = useTranslate();
  const minutes = useSession((s) => s.settings.lockAfterMinutes);
  const setSettings = useSession((s) => s.setSettings);
  const keyring = useAppLock((s) => s.keyring);
  useAppLock((s) => s.version);
  const [changing, setChanging] = useState(false);
  const [done, setDone] = useState(false);
  const keys = currentKeys();
  if (!keyring) return null;
  const choices = MINUTES.includes(minutes) ? MINUTES : [...MINUTES, minutes].sort((a, b) => a - b);

  return (
    <section aria-labelledby="lock-settings-title" className="lock-settings" data-testid="lock-settings">
      <h2 id="lock-settings-title">{t('lock.settings.title')}</h2>
      <p className="muted">{t('lock.settings.lead')}</p>
      <p data-testid="lock-status">
        {keyring.lockSet ? t('lock.settings.set', { kind: t(keyring.lockKind === 'pin' ? 'lock.settings.kind.pin' : 'lock.settings.kind.password') }) : t('lock.settings.notSet')}
        {' · '}
        {keyring.bound ? t('lock.settings.bound') : t('lock.settings.unbound')}
      </p>
      {keyring.lockSet && keyring.recovery && !keyring.recovery.escrowed && <p className="notice">{t('lock.settings.escrowPending')}</p>}
      <label htmlFor="lock-after">{t('lock.settings.after')} </label>
      <select
        id="lock-after"
        value={minutes}
        onChange={async (e) => {
          const result = await desk.updateSettings({ lockAfterMinutes: Number(e.target.value) });
          if (result.ok) setSettings(result.value);
        }}
      >
        {choices.map((m) => (
          <option key={m} value={m}>
            {t('lock.settings.minutes', { minutes: m })}
          </option>
        ))}
      </select>
      <div className="lock-actions">
        {keyring.lockSet && (
          <button type="button" className="button secondary" onClick={() => void lockApp()} data-testid="lock-now">
            {t('lock.settings.lockNow')}
          </button>
        )}
        {keys && !changing && (
          <button type="button" className="button secondary" onClick={() => (setChanging(true), setDone(false))}>
            {keyring.lockSet ? t('lock.setup.change') : t('lock.setup.submit')}
          </button>
        )}
      </div>
      {changing && keys && (
        <LockSetupForm
          keyring={keyring}
          keys={keys}
          onDone={() => {
            setChanging(false);
            setDone(true);
          }}
        />
      )}
      {done && (
        <p className="message" role="status">
          {t('lock.setup.done')}
        </p>
      )}
    </section>
  );
}
