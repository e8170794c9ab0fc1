import { useMemo } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { useSession } from '../../app/session-store';
import type { DeskData } from '../../db/desk-data';
import { PeopleRepository } from '../../db/repositories/people-repository';
import type { RosterActor } from '../../db/repositories/roster-actor';
import { RosterImportRepository } from '../../db/repositories/roster-import-repository';

interface RosterData {
  data: DeskData;
  people: PeopleRepository;
  imports: RosterImportRepository;
}

const cache = new WeakMap<DeskData, RosterData>();

/** The roster's repositories over the app's one database and writer. */
export function useRosterData(): RosterData {
  const data = useDeskData();
  let found = cache.get(data);
  if (!found) {
    found = { data, people: new PeopleRepository(data.db, data.writer), imports: new RosterImportRepository(data.db, data.writer) };
    cache.set(data, found);
  }
  return found;
}

/** The user acting on personal data, as the session knows them. */
export function useRosterActor(): RosterActor {
  const author = useSession((s) => s.author);
  const role = useSession((s) => s.role);
  const districtCode = useSession((s) => s.scope.districtCode);
  return useMemo(() => ({ ...author, role, districtCode }), [author, role, districtCode]);
}
