// ศส.ปชต. coverage from the members' and centres' totals: per tambon and per amphoe, the centres, those
// whose committee is complete today, people, and terms ending within 90 days — the same rules as the
// roster's own counts (shared/roster/committee-status.ts), computed from a few thousand counters.
import { COMPLETE_COMMITTEE_SIZE, termEndingHorizon } from '../../../shared/roster/committee-status';
import { toIsoDate } from '../../../shared/roster/import-cell';
import { FACT, splitFactKey, type TotalsRow } from './overview-facts';

export interface TambonCoverage {
  tambonCode: string;
  /** Live centres in the tambon (normally one). */
  centres: number;
  completeCentres: number;
  members: number;
  termsEndingSoon: number;
}

export interface AmphoeCoverage {
  amphoeCode: string;
  tambonsWithCentre: number;
  centres: number;
  completeCentres: number;
  members: number;
  termsEndingSoon: number;
  tambons: Map<string, TambonCoverage>;
}

interface CommitteeTally {
  inOffice: number;
  chair: boolean;
  secretary: boolean;
}

const emptyTambon = (tambonCode: string): TambonCoverage => ({ tambonCode, centres: 0, completeCentres: 0, members: 0, termsEndingSoon: 0 });

/** Coverage per amphoe (keyed by its code), from the totals rows of members and centres in scope. */
export function coverageFromTotals(rows: readonly TotalsRow[], today: Date): Map<string, AmphoeCoverage> {
  const todayIso = toIsoDate(today);
  const horizon = termEndingHorizon(today);
  const tambons = new Map<string, TambonCoverage>();
  const tambon = (code: string) => {
    let found = tambons.get(code);
    if (!found) tambons.set(code, (found = emptyTambon(code)));
    return found;
  };
  const centreTambon = new Map<string, string>();
  const committees = new Map<string, CommitteeTally>();

  for (const row of rows) {
    for (const [key, n] of Object.entries(row.counts)) {
      const parts = splitFactKey(key);
      if (row.table === 'centres' && parts[0] === FACT.centre) {
        const [, tambonCode = '', centreId = ''] = parts;
        tambon(tambonCode).centres += n;
        centreTambon.set(centreId, tambonCode);
      } else if (row.table === 'members' && parts[0] === FACT.person) {
        const [, tambonCode = '', centreId = '', roleClass = '', start = '', end = ''] = parts;
        const t = tambon(tambonCode);
        t.members += n;
        if (end !== '' && end >= todayIso && end <= horizon) t.termsEndingSoon += n;
        const inOffice = (end === '' || end >= todayIso) && (start === '' || start <= todayIso);
        if (centreId !== '' && inOffice) {
          let tally = committees.get(centreId);
          if (!tally) committees.set(centreId, (tally = { inOffice: 0, chair: false, secretary: false }));
          tally.inOffice += n;
          if (roleClass === 'chair') tally.chair = true;
          if (roleClass === 'secretary') tally.secretary = true;
        }
      }
    }
  }
  for (const [centreId, tambonCode] of centreTambon) {
    const tally = committees.get(centreId);
    if (tally && tally.inOffice >= COMPLETE_COMMITTEE_SIZE && tally.chair && tally.secretary) tambon(tambonCode).completeCentres++;
  }

  const amphoes = new Map<string, AmphoeCoverage>();
  for (const t of tambons.values()) {
    const code = t.tambonCode.slice(0, 4);
    let a = amphoes.get(code);
    if (!a) amphoes.set(code, (a = { amphoeCode: code, tambonsWithCentre: 0, centres: 0, completeCentres: 0, members: 0, termsEndingSoon: 0, tambons: new Map() }));
    a.tambons.set(t.tambonCode, t);
    if (t.centres > 0) a.tambonsWithCentre++;
    a.centres += t.centres;
    a.completeCentres += t.completeCentres;
    a.members += t.members;
    a.termsEndingSoon += t.termsEndingSoon;
  }
  return amphoes;
}

export function tambonCoverageOf(amphoe: AmphoeCoverage | undefined, tambonCode: string): TambonCoverage {
  return amphoe?.tambons.get(tambonCode) ?? emptyTambon(tambonCode);
}
