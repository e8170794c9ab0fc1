import { useMemo } from 'react';
import { describeRecurrence } from '../../../shared/calendar/recurrence-description';
import type { RecurrenceSource } from '../../../shared/calendar/recurrence';
import { useSession } from '../../app/session-store';

/** The describer of recurring activities, in the user's language and era (null for a one-off). */
export function useRecurrenceText(): (source: Pick<RecurrenceSource, 'start' | 'rrule' | 'rdates' | 'timeZone'>) => string | null {
  const language = useSession((s) => s.settings.language);
  const era = useSession((s) => s.settings.era);
  return useMemo(() => (source) => describeRecurrence(source, { language, era }), [language, era]);
}
