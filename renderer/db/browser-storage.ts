/**
 * The window's localStorage, or null where there is none (unit tests run in Node) or it is refused (a profile
 * that forbids storage): what is kept there is only ever a shortcut, so its absence just means going without.
 */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
