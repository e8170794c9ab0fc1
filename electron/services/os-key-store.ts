import { fail, ok, type DeskResult } from '../../shared/ipc';
import { CIPHER_UNAVAILABLE_MESSAGE, type SecretCipher } from './credentials-store';

/**
 * The OS key store for the renderer's keyring (issue 14): it seals the wrapped master key with safeStorage, so
 * the device's data opens only under this computer's user account (docs/privacy.md). Only short secrets cross;
 * the renderer never gets a key the OS store holds. Never falls back to plain text.
 */
export class OsKeyStore {
  constructor(private readonly cipher: SecretCipher) {}

  info(): DeskResult<{ available: boolean }> {
    return ok({ available: this.cipher.isAvailable() });
  }

  seal(text: string): DeskResult<string> {
    if (!this.cipher.isAvailable()) return fail('io', CIPHER_UNAVAILABLE_MESSAGE);
    const sealed = this.cipher.encrypt(text);
    if (sealed.includes(Buffer.from(text))) return fail('io', CIPHER_UNAVAILABLE_MESSAGE);
    return ok(sealed.toString('base64'));
  }

  open(text: string): DeskResult<string> {
    if (!this.cipher.isAvailable()) return fail('io', CIPHER_UNAVAILABLE_MESSAGE);
    try {
      return ok(this.cipher.decrypt(Buffer.from(text, 'base64')));
    } catch {
      return fail('io', 'กุญแจของเครื่องนี้เปิดข้อมูลนี้ไม่ได้ (คนละบัญชีผู้ใช้หรือคนละเครื่อง) — This computer account’s key store cannot open it.');
    }
  }
}
