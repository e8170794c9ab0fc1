import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids/uuid-v7';
import { fromBase64Url, importAesKey, open, openText, randomBytes, seal, sealText, toBase64Url } from './crypto-envelope';
import { Keyring, KeyringError, type SecretSealer } from './keyring';
import { waitAfterFailures } from './unlock-throttle';
import { unlockSecretProblem } from './unlock-secret-rules';

const fake = { indexedDB, IDBKeyRange };

/** An OS key store for tests: a real AES-GCM key the keyring never sees (as safeStorage's is). */
async function testSealer(): Promise<SecretSealer & { osKey: CryptoKey }> {
  const osKey = await importAesKey(randomBytes(32));
  return {
    bound: true,
    osKey,
    seal: (text) => sealText(osKey, text, 'os'),
    open: (text) => openText(osKey, text, 'os'),
  };
}

function setUp(now = { t: Date.parse('2026-12-04T09:00:00Z') }, sealer?: SecretSealer) {
  const name = `keyring-${uuidv7()}`;
  return { name, now, load: () => Keyring.load({ name, indexedDB: fake, now: () => now.t, sealer }) };
}

describe('the device keyring', () => {
  it('starts open (no lock before the first sign-in) with one data key, and opens the same keys after a restart', async () => {
    const { load } = setUp();
    const first = await load();
    expect(first.lockSet).toBe(false);
    const keys = await first.openWithoutLock();
    const sealed = await sealText(keys.dataKeys.get(keys.currentDataKeyId)!, 'ข้อมูล', 'd');
    const again = await (await load()).openWithoutLock();
    expect(await openText(again.dataKeys.get(again.currentDataKeyId)!, sealed, 'd')).toBe('ข้อมูล');
  });

  it('with a lock set: the right PIN opens the same keys, a wrong one does not, and the open copy is gone', async () => {
    const { load, name } = setUp();
    const keyring = await load();
    const keys = await keyring.openWithoutLock();
    const sealed = await sealText(keys.dataKeys.get(keys.currentDataKeyId)!, '0812345678', 'd');
    const escrow = await keyring.setLock(keys, '246810');
    expect(escrow.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keyring.lockKind).toBe('pin');
    // Until the server confirms it keeps it, the secret waits (sealed by the master key) to be sent again.
    expect(await keyring.pendingEscrow(keys)).toEqual(escrow);
    await keyring.markEscrowed(escrow.keyId);
    expect(await keyring.pendingEscrow(keys)).toBeNull();
    expect(keyring.recovery).toEqual({ keyId: escrow.keyId, escrowed: true, pending: null });

    const restarted = await load();
    await expect(restarted.openWithoutLock()).rejects.toBeInstanceOf(KeyringError);
    const wrong = await restarted.unlock('135790');
    expect(wrong).toMatchObject({ ok: false, reason: 'wrong', failures: 1, retryAfterMs: 0 });
    const right = await restarted.unlock('246810');
    if (!right.ok) throw new Error('should unlock');
    expect(await openText(right.keys.dataKeys.get(right.keys.currentDataKeyId)!, sealed, 'd')).toBe('0812345678');
    expect(restarted.failures).toBe(0);

    // The stored keyring holds no key in clear: the PIN's key and the raw master key are nowhere in it.
    const raw = JSON.stringify(await readRow(name));
    expect(raw).not.toContain(toBase64Url(new Uint8Array(await crypto.subtle.exportKey('raw', right.keys.masterKey))));
    expect(raw).not.toContain('246810');
  });

  it('slows down after five wrong tries in a row, across restarts, and says how long', async () => {
    const { load, now } = setUp();
    const keyring = await load();
    await keyring.setLock(await keyring.openWithoutLock(), 'a long unlock password');
    for (let i = 1; i <= 4; i++) expect(await keyring.unlock(`wrong ${i}`)).toMatchObject({ reason: 'wrong', failures: i, retryAfterMs: 0 });
    expect(await keyring.unlock('wrong 5')).toMatchObject({ reason: 'wrong', failures: 5, retryAfterMs: 30_000 });
    const restarted = await load();
    // Even the right password is not tried while the wait runs.
    expect(await restarted.unlock('a long unlock password')).toMatchObject({ ok: false, reason: 'wait', failures: 5 });
    now.t += 30_000;
    expect(await restarted.unlock('wrong 6')).toMatchObject({ reason: 'wrong', failures: 6, retryAfterMs: 60_000 });
    now.t += 60_000;
    expect((await restarted.unlock('a long unlock password')).ok).toBe(true);
    expect(waitAfterFailures(30)).toBe(15 * 60_000);
  });

  it('a forgotten password: the recovery secret (kept by the server) opens the keys, and a new lock replaces the old', async () => {
    const { load } = setUp();
    const keyring = await load();
    const keys = await keyring.openWithoutLock();
    const sealed = await sealText(keys.dataKeys.get(keys.currentDataKeyId)!, 'line: somchai', 'd');
    const escrow = await keyring.setLock(keys, 'forgotten password');
    await expect(keyring.recover(toBase64Url(randomBytes(32)))).rejects.toMatchObject({ code: 'wrong-recovery' });
    const recovered = await keyring.recover(escrow.secret);
    await keyring.setLock(recovered, '975310');
    expect((await keyring.unlock('forgotten password')).ok).toBe(false);
    const after = await keyring.unlock('975310');
    if (!after.ok) throw new Error('should unlock');
    expect(await openText(after.keys.dataKeys.get(after.keys.currentDataKeyId)!, sealed, 'd')).toBe('line: somchai');
  });

  it('key rotation: a new data key becomes current, old envelopes still open until their key is retired', async () => {
    const { load } = setUp();
    const keyring = await load();
    const keys = await keyring.openWithoutLock();
    const oldId = keys.currentDataKeyId;
    const before = await seal(keys.dataKeys.get(oldId)!, new Uint8Array([7]), 'd');
    const rotated = await keyring.rotateDataKey(keys);
    expect(rotated.currentDataKeyId).not.toBe(oldId);
    const afterRestart = await (await load()).openWithoutLock();
    expect(afterRestart.currentDataKeyId).toBe(rotated.currentDataKeyId);
    expect(await open(afterRestart.dataKeys.get(oldId)!, before, 'd')).toEqual(new Uint8Array([7]));
    await expect(keyring.retireDataKey(rotated, rotated.currentDataKeyId)).rejects.toThrow(RangeError);
    const retired = await keyring.retireDataKey(rotated, oldId);
    expect(retired.dataKeys.has(oldId)).toBe(false);
    expect((await (await load()).openWithoutLock()).dataKeys.has(oldId)).toBe(false);
  });

  it('bound to the OS key store: the stored wrappings are sealed by it, and without it nothing opens', async () => {
    const sealer = await testSealer();
    const { load, name } = setUp(undefined, sealer);
    const keyring = await load();
    expect(keyring.bound).toBe(true);
    await keyring.setLock(await keyring.openWithoutLock(), '246810');
    const row = (await readRow(name)) as { masterKey: { bySecret: string } };
    // What is stored is the OS store's envelope around the password envelope.
    const inner = fromBase64Url(await sealer.open(row.masterKey.bySecret));
    expect(inner[0]).toBe(1);
    const withoutStore = await Keyring.load({ name, indexedDB: fake });
    await expect(withoutStore.unlock('246810')).rejects.toMatchObject({ code: 'locked-store' });
    await expect((await load()).unlock('246810')).resolves.toMatchObject({ ok: true });
  });

  it('keeps the office backup key sealed by the master key', async () => {
    const { load, name } = setUp();
    const keyring = await load();
    const keys = await keyring.openWithoutLock();
    expect(await keyring.officeBackupKey(keys)).toBeNull();
    await keyring.setOfficeBackupKey(keys, 'รหัสสำรองของสำนักงาน');
    expect(JSON.stringify(await readRow(name))).not.toContain('รหัสสำรอง');
    expect(await (await load()).officeBackupKey(keys)).toBe('รหัสสำรองของสำนักงาน');
    await keyring.setOfficeBackupKey(keys, null);
    expect(keyring.hasOfficeBackupKey).toBe(false);
  });

  it('destroy deletes every key', async () => {
    const { load, name } = setUp();
    const keys = await (await load()).openWithoutLock();
    const sealed = await sealText(keys.dataKeys.get(keys.currentDataKeyId)!, 'x', 'd');
    (await load()).close();
    await Keyring.destroy({ name, indexedDB: fake });
    const fresh = await (await load()).openWithoutLock();
    await expect(openText(fresh.dataKeys.get(fresh.currentDataKeyId)!, sealed, 'd')).rejects.toThrow();
  });
});

describe('unlock secret rules', () => {
  it('takes a PIN of six digits or more, or a password of eight characters or more, typed the same twice', () => {
    expect(unlockSecretProblem('12345', '12345')).toBe('lock.rule.pinShort');
    expect(unlockSecretProblem('123456', '123456')).toBeNull();
    expect(unlockSecretProblem('สั้นไป', 'สั้นไป')).toBe('lock.rule.passwordShort');
    expect(unlockSecretProblem('รหัสผ่านยาวพอ', 'รหัสผ่านยาวพอ')).toBeNull();
    expect(unlockSecretProblem('246810', '246811')).toBe('lock.rule.mismatch');
    expect(unlockSecretProblem('', '')).toBe('lock.rule.empty');
  });
});

function readRow(name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('keyring').objectStore('keyring').get('keyring');
      get.onsuccess = () => {
        resolve(get.result);
        req.result.close();
      };
    };
  });
}
