import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useDeskData } from '../../app/desk-data-context';
import { NewsPhotoRepository, type NewsPhotoData } from '../../db/repositories/news-photo-repository';

export function useNewsPhotoRepository(): NewsPhotoRepository {
  const data = useDeskData();
  return useMemo(() => new NewsPhotoRepository(data.db, data.writer), [data]);
}

export interface PhotoView extends NewsPhotoData {
  url: string;
}

/** The item's photos with blob: URLs, one per content hash, revoked when no longer shown. */
export function usePhotoViews(newsId: string): PhotoView[] | undefined {
  const data = useDeskData();
  const photos = useNewsPhotoRepository();
  const loaded = useLiveQuery(async () => {
    const item = await data.news.get(newsId);
    return item ? photos.photosOf(item) : [];
  }, [data, photos, newsId]);
  const cache = useRef(new Map<string, string>());
  const [views, setViews] = useState<PhotoView[] | undefined>(undefined);

  useEffect(() => {
    if (!loaded) return;
    const live = new Set(loaded.map((p) => p.sha256));
    for (const [sha, url] of cache.current) {
      if (!live.has(sha)) {
        URL.revokeObjectURL(url);
        cache.current.delete(sha);
      }
    }
    setViews(
      loaded.map((p) => {
        let url = cache.current.get(p.sha256);
        if (!url) {
          url = URL.createObjectURL(p.data);
          cache.current.set(p.sha256, url);
        }
        return { ...p, url };
      }),
    );
  }, [loaded]);

  useEffect(() => {
    const urls = cache.current;
    return () => {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
    };
  }, []);

  return views;
}
