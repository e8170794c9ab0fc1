import type { Editor } from '@tiptap/react';
import { useState, type DragEvent } from 'react';
import type { NewsItem } from '../../../shared/domain/news';
import { useNotices } from '../../app/notice-store';
import { useTranslate } from '../../app/use-translate';
import { desk } from '../../bridge/desk-bridge';
import { MAX_INPUT_BYTES, PHOTO_EXTENSIONS, preparePhotos, type InputFile, type PhotoProblem } from '../photos/photo-preparation';
import { useNewsPhotoRepository, type PhotoView } from './use-photo-urls';

interface Props {
  item: NewsItem;
  photos: PhotoView[];
  editable: boolean;
  editor: Editor | null;
}

type Removed = { photo: NewsItem['photos'][number]; index: number; wasCover: boolean };

/** Photos of the article: pick or drop several, cover, captions, order, insert into the body. */
export function NewsPhotosPanel({ item, photos, editable, editor }: Props) {
  const t = useTranslate();
  const show = useNotices((s) => s.show);
  const repository = useNewsPhotoRepository();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<Removed | null>(null);
  const [dragging, setDragging] = useState(false);

  const problemText = (p: PhotoProblem) =>
    p.kind === 'not-image' ? t('news.photos.notImage', { name: p.name }) : p.kind === 'broken' ? t('news.photos.broken', { name: p.name }) : t('news.photos.tooBig', { name: p.name, mb: MAX_INPUT_BYTES / 1024 / 1024 });

  const add = async (files: InputFile[]) => {
    if (files.length === 0) return;
    setError(null);
    setRemoved(null);
    setProgress({ done: 0, total: files.length });
    try {
      const prepared = await preparePhotos(files, (done) => setProgress({ done, total: files.length }));
      if (!prepared.ok) {
        setError(problemText(prepared.problem));
        return;
      }
      await repository.addPhotos(item.id, prepared.photos);
      show(t('news.photos.added', { count: prepared.photos.length }));
    } catch (e) {
      setError(t('common.error', { message: (e as Error).message }));
    } finally {
      setProgress(null);
    }
  };

  const pick = async () => {
    const result = await desk.openFiles({ filters: [{ name: 'รูปภาพ', extensions: PHOTO_EXTENSIONS }], multiple: true, maxBytesPerFile: MAX_INPUT_BYTES });
    if (!result.ok) setError(result.error.message);
    else await add(result.value.map((f) => ({ name: f.name, data: f.data })));
  };

  const drop = async (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!editable) return;
    const files = await Promise.all(Array.from(e.dataTransfer.files).map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
    await add(files);
  };

  const remove = async (photo: PhotoView, index: number) => {
    const entry = item.photos.find((p) => p.attachmentId === photo.attachmentId);
    if (!entry) return;
    await repository.removePhoto(item.id, photo.attachmentId);
    setRemoved({ photo: entry, index, wasCover: photo.isCover });
  };

  const undo = async () => {
    if (!removed) return;
    await repository.restorePhoto(item.id, removed.photo, removed.index, removed.wasCover);
    setRemoved(null);
  };

  return (
    <section className="news-panel" aria-labelledby="news-photos-title">
      <h2 id="news-photos-title">{t('news.photos.title')}</h2>
      {editable && (
        <div
          className={`news-drop-zone${dragging ? ' dragging' : ''}`}
          data-testid="news-photo-drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void drop(e)}
        >
          <button type="button" className="button secondary" onClick={() => void pick()} disabled={progress !== null}>
            {t('news.photos.pick')}
          </button>
          <span className="muted">{t('news.photos.drop')}</span>
        </div>
      )}
      {progress && (
        <div className="news-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label={t('news.photos.processing', progress)} />
          <span>{t('news.photos.processing', progress)}</span>
        </div>
      )}
      {error && (
        <p className="message error" role="alert">
          {error}
        </p>
      )}
      {removed && (
        <p className="message" role="status">
          {t('news.photos.removed')}{' '}
          <button type="button" className="button secondary" onClick={() => void undo()}>
            {t('news.undo')}
          </button>
        </p>
      )}
      {photos.length === 0 ? (
        <p className="muted">{t('news.photos.empty')}</p>
      ) : (
        <ol className="news-photo-list">
          {photos.map((photo, index) => (
            <li key={photo.attachmentId} className={`news-photo${photo.isCover ? ' cover' : ''}`} data-testid="news-photo">
              <img src={photo.url} alt={photo.caption} width={photo.width ?? undefined} height={photo.height ?? undefined} />
              <div className="news-photo-fields">
                {photo.isCover && <span className="badge">{t('news.photos.cover')}</span>}
                <CaptionInput key={photo.caption} label={t('news.photos.caption', { index: index + 1 })} initial={photo.caption} disabled={!editable} onSave={(caption) => void repository.setCaption(item.id, photo.attachmentId, caption)} />
                {editable && (
                  <div className="news-photo-actions">
                    {!photo.isCover && (
                      <button type="button" className="button secondary" onClick={() => void repository.setCover(item.id, photo.attachmentId)}>
                        {t('news.photos.makeCover')}
                      </button>
                    )}
                    <button type="button" className="icon-button" aria-label={`${t('news.photos.earlier')} ${index + 1}`} disabled={index === 0} onClick={() => void repository.movePhoto(item.id, photo.attachmentId, -1)}>
                      ↑
                    </button>
                    <button type="button" className="icon-button" aria-label={`${t('news.photos.later')} ${index + 1}`} disabled={index === photos.length - 1} onClick={() => void repository.movePhoto(item.id, photo.attachmentId, 1)}>
                      ↓
                    </button>
                    <button type="button" className="button secondary" disabled={!editor} onClick={() => editor?.chain().focus().setImage({ src: photo.url, alt: photo.caption }).updateAttributes('image', { attachmentId: photo.attachmentId }).run()}>
                      {t('news.photos.insert')}
                    </button>
                    <button type="button" className="button secondary danger" onClick={() => void remove(photo, index)}>
                      {t('news.photos.remove')}
                    </button>
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CaptionInput({ label, initial, disabled, onSave }: { label: string; initial: string; disabled: boolean; onSave(caption: string): void }) {
  const [value, setValue] = useState(initial);
  return (
    <label className="news-caption">
      {label}
      <input value={value} maxLength={500} disabled={disabled} onChange={(e) => setValue(e.target.value)} onBlur={() => value !== initial && onSave(value)} />
    </label>
  );
}
