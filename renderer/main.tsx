// First: the first screen's chunk is requested before the rest of the app's code runs.
import { installRecordTestHook } from './app/record-test-hook';
import { firstScreen } from './app/screens/first-screen';
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import '@fontsource/sarabun/700.css';
import './app/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { DeskDataContext } from './app/desk-data-context';
import { startSessionBridge } from './app/session-bridge';
import { openDeskData } from './db/desk-data';
import { replayUnsavedEdits } from './app/unsaved-edits';
import { sweepUnusedBlobs } from './db/repositories/blob-cleanup';
import { DEFAULT_DATABASE_NAME, DeskDatabase } from './db/database';
import { backupBeforeMigration, runScheduledBackup, schemaUpgradeWaits } from './backup/auto-backup';
import { desk } from './bridge/desk-bridge';
import { useNotices } from './app/notice-store';
import { createTranslate } from './app/i18n/translate';
import { localBackupStoreFor } from './features/backup/local-backup-store-for';
import { Keyring } from './security/keyring';
import { deskSealer } from './security/desk-sealer';
import { appUnlocked, currentKeys, useAppLock, whenUnlocked } from './features/lock/app-lock';
import { sealAfterUnlock } from './features/lock/seal-after-unlock';
import { SealingScreen } from './features/lock/sealing-screen';
import { deviceBackupEncryption } from './features/backup/device-backup-keys';
import { LockGate } from './features/lock/lock-gate';
import { wipedAt } from './features/lock/device-wipe';
import { setWipeDatabase } from './features/lock/start-wipe';
import { useSession } from './app/session-store';
import { registerPrecache } from './app/screens/precache-registration';
import { markStart } from './app/start-marks';
import { afterStart } from './app/after-start';

/** The day's backup starts this long after the first screen (at the first idle moment after that). */
const BACKUP_AFTER_START_MS = 3000;

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    // The keyring's database and the session are read beside the settings: a start waits for the slowest, not the sum.
    const keyringLoading = deskSealer(desk).then((sealer) => Keyring.load({ sealer }));
    keyringLoading.catch(() => undefined);
    const sessionLoading = desk.getSession();
    // The data layer opens beside the keys too, when no schema upgrade waits (nearly every start): opening reads
    // no personal value (those stay sealed until unlocked). With an upgrade waiting, the stored database is first
    // exported as it is, after the unlock (below). A wiped device opens nothing.
    const openData = () => {
      const db = new DeskDatabase();
      db.atRestKeys = () => currentKeys()?.atRest ?? null;
      return openDeskData(db);
    };
    const wiped = Boolean(wipedAt(window.localStorage));
    const earlyData = wiped ? null : schemaUpgradeWaits(DEFAULT_DATABASE_NAME).then((waits) => (waits ? null : openData()));
    earlyData?.catch(() => undefined);
    const [info, settings] = await Promise.all([desk.appInfo(), desk.getSettings()]);
    const store = localBackupStoreFor(info.ok ? info.value.shell : undefined);
    const appVersion = info.ok ? info.value.version : '0.0.0';
    const t = createTranslate(settings.ok ? settings.value.language : 'th');
    markStart('settings');
    startSessionBridge(settings, info);
    // The keys first (issue 14): with an unlock password set, the app opens on the unlock screen, and nothing
    // of the data is read before it is unlocked.
    const keyring = await keyringLoading;
    if (keyring.lockSet) {
      document.body.dataset.locked = 'true';
      useAppLock.getState().setKeyring(keyring, 'locked');
    } else {
      useAppLock.getState().setKeyring(keyring, 'open');
      appUnlocked(await keyring.openWithoutLock());
    }
    markStart('keys');
    if (wiped) useAppLock.setState({ wipe: 'wiped' });
    // Known before the first paint: a signed-in device without an unlock password is asked to set one.
    const session = await sessionLoading;
    if (session.ok && session.value) useSession.getState().setSyncSession(session.value);
    root.render(
      <StrictMode>
        <LockGate>{null}</LockGate>
      </StrictMode>,
    );
    await whenUnlocked();
    markStart('unlocked');
    // Personal data is sealed at rest with the unlocked keys (issue 14, renderer/db/at-rest/); locked, it stays shut.
    let data = earlyData ? await earlyData : null;
    if (!data) {
      // Before openDeskData: an older stored schema is exported as it is (encrypted with the device's key), then
      // Dexie upgrades it.
      const migration = await backupBeforeMigration({ name: DEFAULT_DATABASE_NAME, store, appVersion, encryption: deviceBackupEncryption() });
      if (migration.state === 'failed') useNotices.getState().show(t('backup.auto.migrationFailed', { message: migration.message }), 'error');
      markStart('migration-checked');
      data = await openData();
    }
    markStart('data-open');
    setWipeDatabase(data.db);
    installRecordTestHook(data.db);
    await sealAfterUnlock(data.db, (progress) =>
      root.render(
        <StrictMode>
          <LockGate>
            <SealingScreen progress={progress} />
          </LockGate>
        </StrictMode>,
      ),
    );
    markStart('sealed');
    // Typing a page torn down could not save (a reload, a closed tab) goes into its record before any editor opens.
    await replayUnsavedEdits(window.localStorage, data.writer).catch((error: unknown) => console.warn('unsaved edits not replayed', error));
    // Its code here, the first screen renders in the first frame (a chunk that failed says so on the screen).
    await firstScreen;
    markStart('first-screen-code');
    root.render(
      <StrictMode>
        <LockGate>
          <DeskDataContext.Provider value={data}>
            <App />
          </DeskDataContext.Provider>
        </LockGate>
      </StrictMode>,
    );
    document.body.dataset.ready = 'true';
    // After the first screen: the precache fetches the whole build once, and must not compete with it.
    registerPrecache(info.ok ? info.value.shell : undefined);
    // The daily (or weekly) local backup, in the background once the first screen is up and the window idle
    // (it reads every table: beside the first screen's reads it held its figures back); then the bytes of
    // files removed more than a week ago leave the PC (a backup taken before still has them).
    afterStart(BACKUP_AFTER_START_MS, () => void runScheduledBackup({ db: data.db, store, schedule: settings.ok ? settings.value.backupSchedule : 'daily', appVersion, encryption: deviceBackupEncryption() })
      .then((result) => {
        if (result && !result.ok) useNotices.getState().show(t('backup.auto.failed', { message: result.error.message }), 'error');
      })
      .then(() => sweepUnusedBlobs(data.db, Date.now()))
      .catch((error: unknown) => console.warn('blob sweep failed', error)));
  } catch (error) {
    // IndexedDB can be unavailable (private mode, a full disk): say so instead of a blank window.
    root.render(
      <main className="fatal" role="alert">
        <h1>เปิดฐานข้อมูลในเครื่องไม่ได้</h1>
        <p>ProvinceDesk เก็บข้อมูลไว้ในเครื่องนี้ แต่เปิดที่เก็บข้อมูลไม่สำเร็จ ลองปิดแล้วเปิดโปรแกรมใหม่ หากยังไม่ได้ โปรดติดต่อผู้ดูแลระบบ</p>
        <pre>{(error as Error).message}</pre>
      </main>,
    );
  }
}

void start();
