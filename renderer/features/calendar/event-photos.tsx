import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useNotices } from '../../app/notice-store';
import { useTranslate } from '../../app/use-translate';
import { desk } from '../../bridge/desk-bridge';
import { errorText } from './error-text';
import { useCalendarRepositories } from './use-calendar-repositories';

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

/** Photos of an activity: added from files, stored on the device, synced as attachments. */
export function EventPhotos({ eventId }: { eventId: string }) {
  const t = useTranslate();
  const notices = useNotices();
  const { photos } = useCalendarRepositories();
  const stored = useLiveQuery(() => photos.photosOf(eventId), [photos, eventId]);
  const [busy, setBusy] = useState(false);
  const urls = useMemo(() => (stored ?? []).map((p) => ({ id: p.attachment.id, name: p.attachment.fileName, url: p.data ? URL.createObjectURL(p.data) : null })), [stored]);
  useEffect(() => () => urls.forEach((u) => u.url && URL.revokeObjectURL(u.url)), [urls]);

  const add = async () => {
    const picked = await desk.openFiles({ filters: [{ name: 'รูปภาพ', extensions: Object.keys(IMAGE_TYPES) }], multiple: true, maxBytesPerFile: MAX_PHOTO_BYTES });
    if (!picked.ok) return notices.show(t('common.error', { message: picked.error.message }), 'error');
    if (picked.value.length === 0) return;
    const files = [];
    for (const file of picked.value) {
      const mimeType = IMAGE_TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''];
      if (!mimeType) return notices.show(t('calendar.detail.notImage', { name: file.name }), 'error');
      files.push({ fileName: file.name, mimeType, bytes: file.data });
    }
    setBusy(true);
    try {
      const count = await photos.addPhotos(eventId, files);
      notices.show(t('calendar.detail.photoAdded', { count }));
    } catch (error) {
      notices.show(errorText(t, error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="event-photos-title">
      <h3 id="event-photos-title">{t('calendar.detail.photos')}</h3>
      {urls.length === 0 ? (
        <p className="muted">{t('calendar.detail.noPhotos')}</p>
      ) : (
        <ul className="photo-strip">
          {urls.map((p) => (
            <li key={p.id}>{p.url && <img src={p.url} alt={p.name} />}</li>
          ))}
        </ul>
      )}
      <button type="button" className="button secondary" onClick={() => void add()} disabled={busy}>
        {t('calendar.detail.addPhotos')}
      </button>
    </section>
  );
}
