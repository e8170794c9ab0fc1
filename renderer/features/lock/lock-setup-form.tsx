import { useState, type FormEvent } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useTranslate } from '../../app/use-translate';
import type { Keyring, UnlockedKeys } from '../../security/keyring';
import { unlockSecretProblem } from '../../security/unlock-secret-rules';
import { useAppLock } from './app-lock';
import { escrowIfPending } from './recovery-escrow';
import { FormProblem } from './form-problem';

/**
 * Sets (or changes) the unlock password or PIN: typed twice, checked against the rules, then the master key is
 * wrapped by it and its recovery secret goes to the sync server (now, or at the next chance when offline).
 */
export function LockSetupForm({ keyring, keys, submitLabel, onDone }: { keyring: Keyring; keys: UnlockedKeys; submitLabel?: string; onDone: () => void }) {
  const t = useTranslate();
  const [secret, setSecret] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const rule = unlockSecretProblem(secret, repeat);
    if (rule) return setProblem(t(rule));
    setBusy(true);
    setProblem(null);
    try {
      await keyring.setLock(keys, secret);
      setSecret('');
      setRepeat('');
      useAppLock.getState().changed();
      onDone();
      await escrowIfPending(keyring, keys, desk);
      useAppLock.getState().changed();
    } catch (error) {
      setProblem(t('common.error', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stacked-form" data-testid="lock-setup-form">
      <label htmlFor="lock-setup-secret">{t('lock.setup.secret')}</label>
      <input id="lock-setup-secret" type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" autoFocus />
      <label htmlFor="lock-setup-repeat">{t('lock.setup.repeat')}</label>
      <input id="lock-setup-repeat" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? t('lock.setup.working') : (submitLabel ?? t('lock.setup.submit'))}
      </button>
      <FormProblem text={problem} />
    </form>
  );
}
