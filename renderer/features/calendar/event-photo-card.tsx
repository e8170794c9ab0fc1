import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslate } from '../../app/use-translate';

export interface EventPhotoView {
  id: string;
  fileName: string;
  caption: string;
  /** An object URL of the bytes; null while a synced photo's bytes have not arrived. */
  url: string | null;
}

interface EventPhotoCardProps {
  photo: EventPhotoView;
  /** 1-based, for the labels ("คำบรรยายภาพที่ 2"). */
  index: number;
  /** Put the caret in the caption on mount (the photo came back through undo). */
  focusCaption: boolean;
  hintId: string;
  /** Saves the caption; false when it could not be saved (the typed text is kept). */
  onCaption(caption: string): Promise<boolean>;
  onRemove(): void;
}

/** One photo of an activity: the picture, its Thai caption (saved on Enter or leaving the field), remove. */
export function EventPhotoCard({ photo, index, focusCaption, hintId, onCaption, onRemove }: EventPhotoCardProps) {
  const t = useTranslate();
  const inputId = useId();
  const savedId = useId();
  // What is being typed; null when not editing, so a caption synced from another device shows at once.
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    if (draft === null) return;
    if (draft.trim() !== photo.caption) {
      if (!(await onCaption(draft))) return;
      setSaved(true);
    }
    setDraft(null);
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      setDraft(null);
    }
  };

  return (
    <li className="photo-card" data-testid="event-photo">
      {photo.url ? <img src={photo.url} alt={photo.caption || photo.fileName} /> : <div className="photo-missing" aria-hidden="true" />}
      <label htmlFor={inputId}>{t('calendar.photos.caption', { index })}</label>
      <input
        id={inputId}
        value={draft ?? photo.caption}
        maxLength={500}
        placeholder={t('calendar.photos.captionPlaceholder')}
        aria-describedby={`${hintId} ${savedId}`}
        // Only for a photo brought back by the user's own undo: the caret returns to where it was.
        autoFocus={focusCaption}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(false);
        }}
        onKeyDown={keyDown}
        onBlur={() => void save()}
      />
      <div className="photo-card-foot">
        <span id={savedId} className="muted" role="status">
          {saved ? t('calendar.photos.captionSaved') : ''}
        </span>
        <button type="button" className="button secondary danger" aria-label={t('calendar.photos.removeNamed', { index })} onClick={onRemove}>
          {t('calendar.photos.remove')}
        </button>
      </div>
    </li>
  );
}
