// What may be an unlock secret (issue 14): a PIN of at least six digits, or a password of at least eight
// characters that is not only digits. The reasons are message keys the lock screens say in Thai.

export type UnlockSecretKind = 'pin' | 'password';
export type UnlockSecretProblem = 'lock.rule.pinShort' | 'lock.rule.passwordShort' | 'lock.rule.mismatch' | 'lock.rule.empty';

export const MIN_PIN_DIGITS = 6;
export const MIN_PASSWORD_LENGTH = 8;

export function unlockSecretKind(secret: string): UnlockSecretKind {
  return /^\d+$/.test(secret) ? 'pin' : 'password';
}

/** null when `secret` (typed twice) may be used. */
export function unlockSecretProblem(secret: string, repeated: string): UnlockSecretProblem | null {
  if (secret.length === 0) return 'lock.rule.empty';
  if (unlockSecretKind(secret) === 'pin') {
    if (secret.length < MIN_PIN_DIGITS) return 'lock.rule.pinShort';
  } else if ([...secret].length < MIN_PASSWORD_LENGTH) return 'lock.rule.passwordShort';
  if (secret !== repeated) return 'lock.rule.mismatch';
  return null;
}
