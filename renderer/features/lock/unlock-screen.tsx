import { useEffect, useState, type FormEvent } from 'react';
import { desk } from '../../bridge/desk-bridge';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { KeyringError, type Keyring, type UnlockedKeys } from '../../security/keyring';
import { SyncCallError, SyncClient } from '../../sync/sync-client';
import { appUnlocked } from './app-lock';
import { LockSetupForm } from './lock-setup-form';
import { escrowIfPending } from './recovery-escrow';
import { startWipe } from './start-wipe';
import { FormProblem } from './form-problem';

const client = () => new SyncClient((request) => desk.syncRequest(request));

/** The whole window while the app is locked: the unlock password or PIN, or the way back when it is forgotten. */
export function UnlockScreen({ keyring }: { keyring: Keyring }) {
  const t = useTranslate();
  const [mode, setMode] = useState<'unlock' | 'forgot'>('unlock');
  const [recovered, setRecovered] = useState<UnlockedKeys | null>(null);
  useWipeCheck();

  return (
    <main className="fatal lock-screen" aria-labelledby="lock-title" data-testid="lock-screen">
      <h1 id="lock-title">{mode === 'unlock' ? t('lock.title') : t('lock.forgot.title')}</h1>
      {recovered ? (
        <>
          <p>{t('lock.setup.lead')}</p>
          <LockSetupForm keyring={keyring} keys={recovered} onDone={() => appUnlocked(recovered)} />
        </>
      ) : mode === 'unlock' ? (
        <UnlockForm keyring={keyring} onForgot={() => setMode('forgot')} />
      ) : (
        <ForgotForm keyring={keyring} onRecovered={setRecovered} onBack={() => setMode('unlock')} />
      )}
    </main>
  );
}

function UnlockForm({ keyring, onForgot }: { keyring: Keyring; onForgot: () => void }) {
  const t = useTranslate();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [waitMs, setWaitMs] = useState(() => keyring.waitMs());
  const [failures, setFailures] = useState(() => keyring.failures);

  // The wait after five wrong tries counts down on screen; the keyring refuses tries until it is over.
  useEffect(() => {
    if (waitMs <= 0) return;
    const timer = window.setTimeout(() => setWaitMs(keyring.waitMs()), Math.min(waitMs, 1000));
    return () => window.clearTimeout(timer);
  }, [keyring, waitMs]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return setProblem(t('lock.rule.empty'));
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await keyring.unlock(secret);
      if (outcome.ok) {
        setSecret('');
        appUnlocked(outcome.keys);
        void escrowIfPending(keyring, outcome.keys, desk);
        return;
      }
      setFailures(outcome.failures);
      setWaitMs(outcome.retryAfterMs);
      if (outcome.reason === 'wrong') setProblem(t('lock.wrong'));
      setSecret('');
    } catch (error) {
      setProblem(error instanceof KeyringError && error.code === 'locked-store' ? t('lock.keyStore') : t('common.error', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const waiting = waitMs > 0;
  return (
    <>
      <p>{t('lock.lead')}</p>
      <form onSubmit={submit} noValidate className="stacked-form" data-testid="unlock-form">
        <label htmlFor="unlock-secret">{t('lock.secret')}</label>
        <input
          id="unlock-secret"
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          inputMode={keyring.lockKind === 'pin' ? 'numeric' : undefined}
          autoComplete="current-password"
          autoFocus
          disabled={waiting}
        />
        <button type="submit" className="button primary" disabled={busy || waiting}>
          {busy ? t('lock.working') : t('lock.unlock')}
        </button>
        {problem && !waiting && (
          <p className="message error" role="alert">
            {problem}
          </p>
        )}
        {waiting && (
          <p className="message error" role="alert" data-testid="unlock-wait">
            {t('lock.slowDown', { count: failures, seconds: Math.ceil(waitMs / 1000) })}
          </p>
        )}
      </form>
      <p>
        <button type="button" className="link-button" onClick={onForgot}>
          {t('lock.forgot')}
        </button>
      </p>
    </>
  );
}

function ForgotForm({ keyring, onRecovered, onBack }: { keyring: Keyring; onRecovered: (keys: UnlockedKeys) => void; onBack: () => void }) {
  const t = useTranslate();
  const serverUrl = useSession((s) => s.settings.serverUrl);
  const [username, setUsername] = useState(() => useSession.getState().syncSession?.user.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const keyId = keyring.recovery?.keyId ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!keyId || !username.trim() || !password) return;
    setBusy(true);
    setProblem(null);
    try {
      const secret = await client().recoverUnlockKey({ username: username.trim(), password, keyId });
      onRecovered(await keyring.recover(secret));
    } catch (error) {
      if (error instanceof SyncCallError && error.code === 'device-wiped') return void startWipe();
      if (error instanceof SyncCallError && error.kind === 'network') setProblem(t('lock.forgot.offline', { message: error.message }));
      else setProblem(t('lock.forgot.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>{t('lock.forgot.lead')}</p>
      {!serverUrl ? (
        <p className="message error">{t('lock.forgot.noServer')}</p>
      ) : !keyId ? (
        <p className="message error">{t('lock.forgot.noRecovery')}</p>
      ) : (
        <form onSubmit={submit} noValidate className="stacked-form" data-testid="forgot-unlock-form">
          <p className="muted">{t('lock.forgot.server', { server: serverUrl })}</p>
          <label htmlFor="forgot-username">{t('lock.forgot.username')}</label>
          <input id="forgot-username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
          <label htmlFor="forgot-password">{t('lock.forgot.password')}</label>
          <input id="forgot-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? t('lock.working') : t('lock.forgot.submit')}
          </button>
          <FormProblem text={problem} />
        </form>
      )}
      <p>
        <button type="button" className="link-button" onClick={onBack}>
          {t('lock.forgot.back')}
        </button>
      </p>
    </>
  );
}

/**
 * A locked laptop still learns it was wiped: once per lock screen, when signed in, it asks the server whether
 * it still knows this device (a call that changes nothing). A thief who never unlocks is told too.
 */
function useWipeCheck(): void {
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const session = await desk.getSession();
      if (cancelled || !session.ok || session.value === null) return;
      try {
        await client().checkDevice();
      } catch (error) {
        if (!cancelled && error instanceof SyncCallError && error.code === 'device-wiped') void startWipe();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
}
