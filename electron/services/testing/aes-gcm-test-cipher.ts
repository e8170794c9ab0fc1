import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../credentials-store';

/**
 * A real SecretCipher for tests: AES-256-GCM with a test key, the same shape of job safeStorage does
 * with the OS key (which tests cannot reach without Electron). Output: 12-byte IV, 16-byte tag, ciphertext.
 */
export class AesGcmTestCipher implements SecretCipher {
  constructor(
    private readonly key: Buffer = randomBytes(32),
    private available = true,
  ) {}

  /** As safeStorage is unavailable on a Linux desktop without a keyring. */
  setAvailable(available: boolean): void {
    this.available = available;
  }

  isAvailable(): boolean {
    return this.available;
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }
}
