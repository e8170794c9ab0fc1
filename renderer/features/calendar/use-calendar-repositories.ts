import { useMemo } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { AttendanceRepository } from '../../db/repositories/attendance-repository';
import { EventPhotoRepository } from '../../db/repositories/event-photo-repository';

/** The calendar's repositories beside DeskData's events: built on the same database and writer. */
export function useCalendarRepositories() {
  const data = useDeskData();
  return useMemo(() => ({ attendance: new AttendanceRepository(data.db, data.writer), photos: new EventPhotoRepository(data.db, data.writer) }), [data]);
}
