import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { EventPhotoView } from './event-photo-card';
import { useCalendarRepositories } from './use-calendar-repositories';

/**
 * An activity's photos with blob: URLs, one per content hash and kept across updates (a caption
 * saved does not reload every picture), revoked when no longer shown.
 */
export function useEventPhotoViews(eventId: string): EventPhotoView[] | undefined {
  const { photos } = useCalendarRepositories();
  const stored = useLiveQuery(() => photos.photosOf(eventId), [photos, eventId]);
  const urls = useRef(new Map<string, string>());
  const [views, setViews] = useState<EventPhotoView[] | undefined>(undefined);

  useEffect(() => {
    if (!stored) return;
    const shown = new Set(stored.filter((p) => p.data).map((p) => p.attachment.sha256));
    for (const [sha, url] of urls.current) {
      if (!shown.has(sha)) {
        URL.revokeObjectURL(url);
        urls.current.delete(sha);
      }
    }
    setViews(
      stored.map(({ attachment, data }) => {
        let url = urls.current.get(attachment.sha256) ?? null;
        if (!url && data) {
          url = URL.createObjectURL(data);
          urls.current.set(attachment.sha256, url);
        }
        return { id: attachment.id, fileName: attachment.fileName, caption: attachment.caption, url };
      }),
    );
  }, [stored]);

  useEffect(() => {
    const cache = urls.current;
    return () => {
      for (const url of cache.values()) URL.revokeObjectURL(url);
      cache.clear();
    };
  }, []);

  return views;
}
