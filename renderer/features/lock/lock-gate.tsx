import type { ReactNode } from 'react';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import { currentKeys, useAppLock } from './app-lock';
import { LockSetupForm } from './lock-setup-form';
import { UnlockScreen } from './unlock-screen';
import { useIdleLock } from './use-idle-lock';
import { WipedScreen } from './wiped-screen';
import './lock.css';

/**
 * What the window shows (issue 14): after a remote wipe only its notice; while locked only the unlock screen;
 * signed in without an unlock password yet, the set-up (the first sign-in sets one); otherwise the app.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const phase = useAppLock((s) => s.phase);
  const wipe = useAppLock((s) => s.wipe);
  const keyring = useAppLock((s) => s.keyring);
  useAppLock((s) => s.version);
  const signedIn = useSession((s) => s.syncSession !== null);
  useIdleLock();
  if (wipe !== null) return <WipedScreen />;
  if (!keyring) return null;
  if (phase === 'locked') return <UnlockScreen keyring={keyring} />;
  const keys = currentKeys();
  if (signedIn && !keyring.lockSet && keys) return <FirstLockSetup />;
  return <>{children}</>;
}

function FirstLockSetup() {
  const t = useTranslate();
  const keyring = useAppLock((s) => s.keyring);
  const keys = currentKeys();
  if (!keyring || !keys) return null;
  return (
    <main className="fatal lock-screen" aria-labelledby="lock-setup-title" data-testid="lock-setup">
      <h1 id="lock-setup-title">{t('lock.setup.title')}</h1>
      <p>{t('lock.setup.lead')}</p>
      <LockSetupForm keyring={keyring} keys={keys} onDone={() => undefined} />
    </main>
  );
}
