// Wrong unlock tries slow down (issue 14): four free tries, then a wait that doubles with every further miss —
// 30 s after the fifth wrong try in a row, then 1, 2, 4 … minutes, at most 15. The count survives a restart (it
// is kept with the keyring); what stops a thief who copies the disk is the PBKDF2 cost and the OS key store,
// not this count.

export const FREE_TRIES = 4;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** How long to wait before the next try after `failures` wrong tries in a row (0: try now). */
export function waitAfterFailures(failures: number): number {
  if (failures <= FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES - 1));
}
