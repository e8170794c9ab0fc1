import { useEffect, useId, useRef, useState } from 'react';
import { useNotices } from '../../app/notice-store';
import { useTranslate } from '../../app/use-translate';
import { desk } from '../../bridge/desk-bridge';
import { MAX_INPUT_BYTES, PHOTO_EXTENSIONS, preparePhotos } from '../photos/photo-preparation';
import { errorText } from './error-text';
import { EventPhotoCard, type EventPhotoView } from './event-photo-card';
import { useCalendarRepositories } from './use-calendar-repositories';
import { useEventPhotoViews } from './use-event-photo-views';


/** Photos of an activity: added from files, captioned, removed with undo; stored on the device, synced as attachments. */
export function EventPhotos({ eventId }: { eventId: string }) {
  const t = useTranslate();
  const showNotice = useNotices((s) => s.show);
  const { photos } = useCalendarRepositories();
  const views = useEventPhotoViews(eventId) ?? [];
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<{ id: string; name: string } | null>(null);
  const [restoredId, setRestoredId] = useState<string | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const hintId = useId();
  // The removed photo's button is gone: keep the keyboard where the user can take it back.
  useEffect(() => {
    if (removed) undoButton.current?.focus();
  }, [removed]);

  /** Runs a write; a failure is said in a notice. Whether it succeeded. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      return true;
    } catch (error) {
      showNotice(errorText(t, error), 'error');
      return false;
    }
  };

  const add = async () => {
    const picked = await desk.openFiles({ filters: [{ name: t('calendar.photos.filter'), extensions: PHOTO_EXTENSIONS }], multiple: true, maxBytesPerFile: MAX_INPUT_BYTES });
    if (!picked.ok) return showNotice(t('common.error', { message: picked.error.message }), 'error');
    if (picked.value.length === 0) return;
    setBusy(true);
    setRemoved(null);
    await run(async () => {
      // Checked by their bytes and scaled down as news photos are: a phone's 12-megapixel picture
      // would otherwise travel whole to every device of the province.
      const prepared = await preparePhotos(picked.value.map((file) => ({ name: file.name, data: file.data })), () => {});
      if (!prepared.ok) return showNotice(t(`calendar.photos.${prepared.problem.kind}`, { name: prepared.problem.name }), 'error');
      const count = await photos.addPhotos(eventId, prepared.photos);
      showNotice(t('calendar.detail.photoAdded', { count }));
    });
    setBusy(false);
  };

  const remove = (photo: EventPhotoView) =>
    run(async () => {
      await photos.remove(photo.id);
      setRestoredId(null);
      setRemoved({ id: photo.id, name: photo.caption || photo.fileName });
    });

  const undo = () =>
    run(async () => {
      if (!removed) return;
      await photos.restore(removed.id);
      setRestoredId(removed.id);
      setRemoved(null);
    });

  return (
    <section aria-labelledby="event-photos-title">
      <h3 id="event-photos-title">{t('calendar.detail.photos')}</h3>
      {removed && (
        <p className="message photo-removed" role="status">
          {t('calendar.photos.removed', { name: removed.name })}{' '}
          <button ref={undoButton} type="button" className="button secondary" onClick={() => void undo()}>
            {t('calendar.photos.undo')}
          </button>
        </p>
      )}
      {views.length === 0 ? (
        <p className="muted">{t('calendar.detail.noPhotos')}</p>
      ) : (
        <>
          <p id={hintId} className="muted photo-hint">
            {t('calendar.photos.hint')}
          </p>
          <ul className="photo-strip">
            {views.map((photo, i) => (
              <EventPhotoCard
                key={photo.id}
                photo={photo}
                index={i + 1}
                focusCaption={photo.id === restoredId}
                hintId={hintId}
                onCaption={(caption) => run(() => photos.setCaption(photo.id, caption))}
                onRemove={() => void remove(photo)}
              />
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button secondary" onClick={() => void add()} disabled={busy}>
        {t('calendar.detail.addPhotos')}
      </button>
    </section>
  );
}
