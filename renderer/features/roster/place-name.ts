import type { ThaiGeography } from '../../../shared/geography/thai-geography';

/**
 * A tambon's names as a line shows them: "…" while the geography is still loading (a bare DOPA code
 * there reads like a fault), the code itself only when the geography does not know it.
 */
export function placeName(geography: ThaiGeography | null, code: string): string {
  if (!geography) return '…';
  return geography.describePlace(code) ?? code;
}
