import type { Editor } from '@tiptap/react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { NewsItem } from '../../../shared/domain/news';
import { countNewsText, type TextCounts } from '../../../shared/news/thai-text-counts';
import { canEditContent } from '../../../shared/news/news-workflow';
import { datelineDate } from '../../../shared/news/news-article';
import { toBuddhistYear } from '../../../shared/thai/buddhist-era-date';
import { useDeskData } from '../../app/desk-data-context';
import type { MessageKey } from '../../app/i18n/translate';
import { hashOf, useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import type { NewsContentPatch } from '../../db/repositories/news-repository';
import { withPhotoUrls, withoutPhotoUrls } from './attachment-image';
import { parseTypedDate } from './iso-date';
import { useNewsCategories } from './news-filters';
import { NewsPhotosPanel } from './news-photos-panel';
import { NewsRevisionsPanel } from './news-revisions-panel';
import { NewsWorkflowPanel } from './news-workflow-panel';
import { RichTextEditor } from './rich-text-editor';
import { useAutosave, type SaveState } from './use-autosave';
import { usePhotoViews, type PhotoView } from './use-photo-urls';

/** #/news/edit/<id>: the item, its photos, workflow and revisions. */
export function NewsEditorPage({ id }: { id: string }) {
  const t = useTranslate();
  const data = useDeskData();
  const item = useLiveQuery(async () => (await data.news.get(id)) ?? null, [data, id]);
  const photos = usePhotoViews(id);
  // Set when a revision is restored: the form is rebuilt from the restored words (the live query
  // may not have caught up yet when the restore returns).
  const [restored, setRestored] = useState<NewsItem | null>(null);

  if (item === undefined || (item && photos === undefined)) return <p>{t('common.loading')}</p>;
  if (item === null || item.deleted) {
    return (
      <section>
        <a href={hashOf('news')}>{t('news.back')}</a>
        <p className="message error" role="alert">
          {t('news.notFound')}
        </p>
      </section>
    );
  }
  return <NewsEditorForm key={`${id}:${restored?.updatedAt ?? ''}`} item={item} initial={restored ?? item} photos={photos!} onRestored={setRestored} />;
}

function datelineInput(dateline: string | null): string {
  if (!dateline) return '';
  const d = datelineDate(dateline);
  return `${d.getDate()}/${d.getMonth() + 1}/${toBuddhistYear(d.getFullYear())}`;
}

function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，]/).map((s) => s.trim().slice(0, 60)).filter(Boolean))].slice(0, 30);
}

interface FormProps {
  /** The live record: status, photos. */
  item: NewsItem;
  /** Where the form's words start from. */
  initial: NewsItem;
  photos: PhotoView[];
  onRestored(restored: NewsItem): void;
}

function NewsEditorForm({ item, initial, photos, onRestored }: FormProps) {
  const t = useTranslate();
  const data = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const { author, role } = useSession();
  const editable = canEditContent(role, item.status);
  const categories = useNewsCategories();
  const events = useLiveQuery(() => data.db.events.orderBy('start').reverse().filter((e) => !e.deleted).limit(300).toArray(), [data]);

  const [title, setTitle] = useState(initial.title);
  const [lead, setLead] = useState(initial.lead);
  const [category, setCategory] = useState(initial.category);
  const [tagsText, setTagsText] = useState(initial.tags.join(', '));
  const [datelineText, setDatelineText] = useState(datelineInput(initial.dateline));
  const [eventId, setEventId] = useState(initial.eventId ?? '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [counts, setCounts] = useState<TextCounts>(() => countNewsText(initial));
  const editorRef = useRef<Editor | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const fields = useRef({ title, lead, category, tagsText, datelineText, eventId });
  fields.current = { title, lead, category, tagsText, datelineText, eventId };
  const bodyDirty = useRef(false);

  // Built once per form: later photo changes must not reset what is being typed.
  const [initialBody] = useState(() => withPhotoUrls(initial.bodyHtml, new Map(photos.map((p) => [p.attachmentId, p.url]))));

  const save = useCallback(async () => {
    const f = fields.current;
    const patch: NewsContentPatch = { lead: f.lead, category: f.category.trim() || item.category, tags: parseTags(f.tagsText), eventId: f.eventId || null };
    const problems: string[] = [];
    if (f.title.trim()) patch.title = f.title;
    else problems.push('กรุณาใส่หัวข้อข่าว');
    const dateline = parseTypedDate(f.datelineText);
    if (dateline === undefined) problems.push(t('news.filter.badDate', { text: f.datelineText }));
    else patch.dateline = dateline;
    if (bodyDirty.current && editorRef.current) {
      // An empty editor says "<p></p>": stored as the empty body it is, so it is no change to sync.
      patch.bodyHtml = editorRef.current.isEmpty ? '' : withoutPhotoUrls(editorRef.current.getHTML());
      bodyDirty.current = false;
    }
    setFieldError(problems.length ? problems.join(' ') : null);
    const saved = await data.news.editContent(item.id, patch, { author, role }, { coalesce: true });
    setCounts(countNewsText(saved));
  }, [data, item.id, item.category, author, role, t]);

  const autosave = useAutosave(save);
  const { schedule, flush } = autosave;

  const onBodyChange = useCallback(() => {
    bodyDirty.current = true;
    schedule();
  }, [schedule]);
  const onReady = useCallback((e: Editor | null) => {
    editorRef.current = e;
    setEditor(e);
  }, []);

  const change = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    schedule();
  };

  const eventOptions = useMemo(() => (events ?? []).map((e) => ({ id: e.id, label: e.title })), [events]);

  return (
    <section className="news-editor" aria-labelledby="news-editor-heading">
      <div className="news-editor-head">
        <a href={hashOf('news')}>{t('news.back')}</a>
        <SaveIndicator state={autosave.state} />
        <button type="button" className="button secondary" onClick={() => void flush().then(() => navigate('news', 'preview', item.id))}>
          {t('news.preview')}
        </button>
      </div>
      <h1 id="news-editor-heading" className="visually-hidden">
        {t('news.edit')}: {item.title}
      </h1>
      {!editable && (
        <p className="notice" role="note">
          {t('news.readOnly', { status: t(`news.status.${item.status}` as MessageKey) })}
        </p>
      )}
      <div className="news-editor-layout">
        <div className="news-editor-main">
          <label className="news-stacked">
            {t('news.field.title')}
            <input className="news-title-input" value={title} maxLength={300} readOnly={!editable} aria-invalid={!title.trim() || undefined} onChange={(e) => change(setTitle)(e.target.value)} />
          </label>
          <label className="news-stacked">
            {t('news.field.lead')}
            <textarea value={lead} rows={3} maxLength={2000} readOnly={!editable} onChange={(e) => change(setLead)(e.target.value)} />
          </label>
          <div className="news-field-row">
            <label className="news-stacked">
              {t('news.field.category')}
              <input list="news-categories" value={category} maxLength={100} readOnly={!editable} onChange={(e) => change(setCategory)(e.target.value)} />
              <datalist id="news-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </label>
            <label className="news-stacked">
              {t('news.field.dateline')}
              <input value={datelineText} readOnly={!editable} placeholder={t('news.field.datelineHint')} aria-invalid={parseTypedDate(datelineText) === undefined || undefined} onChange={(e) => change(setDatelineText)(e.target.value)} />
            </label>
          </div>
          <div className="news-field-row">
            <label className="news-stacked">
              {t('news.field.tags')}
              <input value={tagsText} readOnly={!editable} onChange={(e) => change(setTagsText)(e.target.value)} />
            </label>
            <label className="news-stacked">
              {t('news.field.event')}
              <select value={eventId} disabled={!editable} onChange={(e) => change(setEventId)(e.target.value)}>
                <option value="">{t('news.field.noEvent')}</option>
                {eventOptions.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {fieldError && (
            <p className="message error" role="alert">
              {fieldError}
            </p>
          )}
          <p id="news-body-label" className="news-label">
            {t('news.field.body')}
          </p>
          <RichTextEditor initialHtml={initialBody} editable={editable} labelId="news-body-label" onChange={onBodyChange} onReady={onReady} />
          <p className="muted" aria-label={t('news.wordCountLabel')} data-testid="news-counts">
            {t('news.counts', { words: counts.words, characters: counts.characters })}
          </p>
          <NewsPhotosPanel item={item} photos={photos} editable={editable} editor={editor} />
        </div>
        <aside className="news-editor-side">
          <NewsWorkflowPanel item={item} beforeTransition={flush} />
          <NewsRevisionsPanel item={item} flush={flush} onRestored={onRestored} />
        </aside>
      </div>
    </section>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const t = useTranslate();
  const text =
    state.kind === 'saved' ? t('news.save.saved') : state.kind === 'saving' ? t('news.save.saving') : state.kind === 'pending' ? t('news.save.pending') : t('news.save.failed', { message: state.message });
  return (
    <span className={`news-save-state ${state.kind}`} role="status" data-testid="news-save-state" data-state={state.kind}>
      {text}
    </span>
  );
}
