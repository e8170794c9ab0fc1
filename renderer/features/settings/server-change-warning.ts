// What changing the central server's address means, said before it happens (issue 18): the computer signs
// out of the old server (its token never goes to the new one), and changes waiting in the outbox — written
// for the old server — will be sent to the new one after signing in there. The user confirms or cancels.
import type { MessageKey } from '../../app/i18n/translate';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface ServerChange {
  /** Signed in now (to the old address). */
  signedIn: boolean;
  /** Changes waiting to be sent. */
  pending: number;
  /** The address the app last synced with, and the new one. */
  from: string | null;
  to: string | null;
}

/** Normalised for comparison: "https://a/" and "https://a" are one server. */
function address(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).href.replace(/\/+$/, '');
  } catch {
    return url.trim();
  }
}

/** The Thai text to confirm, or null when nothing needs saying (the same server, or nothing to lose). */
export function serverChangeWarning(t: Translate, change: ServerChange): string | null {
  if (address(change.from) === address(change.to)) return null;
  const parts: string[] = [];
  if (change.signedIn) parts.push(t('settings.serverChange.signOut'));
  // Changes typed before any server was set belong to no server in particular: nothing to warn about.
  if (change.pending > 0 && change.from !== null) parts.push(t('settings.serverChange.pending', { count: change.pending, server: change.to ?? '—' }));
  if (parts.length === 0) return null;
  return [...parts, t('settings.serverChange.data'), t('settings.serverChange.confirm')].join('\n\n');
}
