import { isCommitteeComplete, isTermEndingSoon, termEndingHorizon } from '../../../shared/roster/committee-status';
import { toIsoDate } from '../../../shared/roster/import-cell';
import type { DeskDatabase } from '../database';
import type { LocalRecord } from '../local-record';

/** The counts that matter at a level of the browse: per child place (amphoe or tambon). */
export interface PlaceCounts {
  centres: number;
  completeCentres: number;
  members: number;
  termsEndingSoon: number;
  partners: number;
}

export function emptyCounts(): PlaceCounts {
  return { centres: 0, completeCentres: 0, members: 0, termsEndingSoon: 0, partners: 0 };
}

/**
 * Counts for every place under `placeCode` (a province's amphoes, an amphoe's tambons), keyed by
 * the child code of length `childLength`, plus the total. One read of the place's records.
 */
export async function placeCounts(db: DeskDatabase, placeCode: string, childLength: 4 | 6, today = new Date()): Promise<{ byChild: Map<string, PlaceCounts>; total: PlaceCounts }> {
  const todayIso = toIsoDate(today);
  const horizon = termEndingHorizon(today);
  const [centres, members, partners] = await Promise.all([
    db.centres.where('tambonCode').startsWith(placeCode).toArray(),
    db.members.where('tambonCode').startsWith(placeCode).toArray(),
    db.partners.toArray(),
  ]);
  const byChild = new Map<string, PlaceCounts>();
  const total = emptyCounts();
  const bump = (code: string, field: keyof PlaceCounts) => {
    const key = code.slice(0, childLength);
    const counts = byChild.get(key) ?? emptyCounts();
    counts[field]++;
    byChild.set(key, counts);
    total[field]++;
  };

  const byCentre = new Map<string, LocalRecord<'members'>[]>();
  for (const m of members) {
    if (m.deleted) continue;
    bump(m.tambonCode, 'members');
    if (isTermEndingSoon(m, todayIso, horizon)) bump(m.tambonCode, 'termsEndingSoon');
    if (m.centreId) byCentre.set(m.centreId, [...(byCentre.get(m.centreId) ?? []), m]);
  }
  for (const c of centres) {
    if (c.deleted) continue;
    bump(c.tambonCode, 'centres');
    if (isCommitteeComplete(byCentre.get(c.id) ?? [], todayIso)) bump(c.tambonCode, 'completeCentres');
  }
  for (const p of partners) {
    if (p.deleted) continue;
    const code = p.placeCode ?? p.districtCode ?? p.provinceCode;
    if (!code.startsWith(placeCode) && !placeCode.startsWith(code)) continue;
    // A partner of the whole province (or amphoe) counts in the total, not in one child.
    if (code.length >= childLength) bump(code, 'partners');
    else total.partners++;
  }
  return { byChild, total };
}
