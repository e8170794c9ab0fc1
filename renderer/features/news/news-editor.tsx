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
import type { LocalRecord } from '../../db/local-record';
import { FieldClashNotice } from '../editing/field-clash-notice';
import { useRecordEdit } from '../editing/use-record-edit';
import { usePhotoViews, type PhotoView } from './use-photo-urls';

/** #/news/edit/<id>: the item, its photos, workflow and revisions. */
export function NewsEditorPage({ id }: { id: string }) {
  const t = useTranslate();
  const data = useDeskData();
  const item = useLiveQuery(async () => (await data.news.get(id)) ?? null, [data, id]);
  const photos = usePhotoViews(id);
  // Set when a revision is restored: the form is rebuilt from the restored words (the live query
  // may not have caught up yet when the restore returns).
  const [restored, setRestored] = useState<LocalRecord<'news'> | null>(null);

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
  /** The live record: status, photos, and the words other devices change while it is open. */
  item: LocalRecord<'news'>;
  /** Where the form's words start from. */
  initial: LocalRecord<'news'>;
  photos: PhotoView[];
  onRestored(restored: LocalRecord<'news'>): void;
}

/** The words of an article as the form's fields show them (the body lives in its editor). */
interface NewsDraft {
  title: string;
  lead: string;
  category: string;
  tagsText: string;
  datelineText: string;
  eventId: string;
}

const newsDraftOf = (item: NewsItem): NewsDraft => ({
  title: item.title,
  lead: item.lead,
  category: item.category,
  tagsText: item.tags.join(', '),
  datelineText: datelineInput(item.dateline),
  eventId: item.eventId ?? '',
});

const NEWS_LABELS: Partial<Record<string, MessageKey>> = {
  title: 'news.field.title',
  lead: 'news.field.lead',
  category: 'news.field.category',
  tags: 'news.field.tags',
  dateline: 'news.field.dateline',
  eventId: 'news.field.event',
  bodyHtml: 'news.field.body',
};

/** A body's words for the clash notice: the text, not its markup, shortened. */
function bodyExcerpt(html: string): string {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

function NewsEditorForm({ item, initial, photos, onRestored }: FormProps) {
  const t = useTranslate();
  const data = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const { author, role } = useSession();
  const editable = canEditContent(role, item.status);
  const categories = useNewsCategories();
  const events = useLiveQuery(() => data.db.events.orderBy('start').reverse().filter((e) => !e.deleted).limit(300).toArray(), [data]);

  const editorRef = useRef<Editor | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  // Typed in since the last save (what the next save writes) / typed in at all in this editor: a body the
  // user has worked on is never replaced under the cursor, another device's is offered beside it instead.
  const bodyDirty = useRef(false);
  const bodyTouched = useRef(false);
  const [counts, setCounts] = useState<TextCounts>(() => countNewsText(initial));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const photoUrls = useRef(new Map<string, string>());
  photoUrls.current = new Map(photos.map((p) => [p.attachmentId, p.url]));
  // While the form is open, words changed on another device show in the fields not typed in, and are offered
  // beside the ones that were (the body counts as touched once typed in, until it is saved).
  const edit = useRecordEdit(item, {
    start: initial,
    toDraft: newsDraftOf,
    touchedOutside: (field) => (field === 'bodyHtml' ? bodyTouched.current : undefined),
    onOutsideChanged: (field, value) => {
      if (field !== 'bodyHtml' || !editorRef.current) return;
      editorRef.current.commands.setContent(withPhotoUrls(String(value ?? ''), photoUrls.current), { emitUpdate: false });
      bodyDirty.current = false;
      bodyTouched.current = false;
    },
  });
  const { draft, setDraft, draftNow, base } = edit;

  // Built once per form: later photo changes must not reset what is being typed.
  const [initialBody] = useState(() => withPhotoUrls(initial.bodyHtml, photoUrls.current));

  /** What the form holds, as a patch of the record (the body only when typed in since its last save). */
  const contentPatch = useCallback(() => {
    const f = draftNow();
    const patch: NewsContentPatch = { lead: f.lead, category: f.category.trim() || item.category, tags: parseTags(f.tagsText), eventId: f.eventId || null };
    const problems: string[] = [];
    if (f.title.trim()) patch.title = f.title;
    else problems.push('กรุณาใส่หัวข้อข่าว');
    const dateline = parseTypedDate(f.datelineText);
    if (dateline === undefined) problems.push(t('news.filter.badDate', { text: f.datelineText }));
    else patch.dateline = dateline;
    // An empty editor says "<p></p>": stored as the empty body it is, so it is no change to sync.
    if (bodyDirty.current && editorRef.current) patch.bodyHtml = editorRef.current.isEmpty ? '' : withoutPhotoUrls(editorRef.current.getHTML());
    return { patch, problems };
  }, [draftNow, item.category, t]);

  const save = useCallback(async () => {
    const { patch, problems } = contentPatch();
    if (patch.bodyHtml !== undefined) bodyDirty.current = false;
    setFieldError(problems.length ? problems.join(' ') : null);
    const saved = await data.news.editContent(item.id, patch, { author, role }, { coalesce: true, base: base() });
    setCounts(countNewsText(saved));
  }, [data, item.id, author, role, contentPatch, base]);

  // A page torn down mid-typing keeps what it holds for the next start (renderer/app/unsaved-edits.ts).
  const autosave = useAutosave(save, { table: 'news', id: item.id, edit: () => ({ patch: contentPatch().patch, base: base() }) });
  const { schedule, flush } = autosave;

  const onBodyChange = useCallback(() => {
    bodyDirty.current = true;
    bodyTouched.current = true;
    schedule();
  }, [schedule]);
  const onReady = useCallback((e: Editor | null) => {
    editorRef.current = e;
    setEditor(e);
  }, []);

  const change = (key: keyof NewsDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    schedule();
  };
  const takeTheirs = (field: string) => {
    edit.takeTheirs(field);
    // The other value is now what the form shows: stored as it is, nothing to save for it.
    if (field === 'bodyHtml') bodyDirty.current = bodyTouched.current = false;
  };
  /** Having seen the other value, the user keeps their own: it is saved as an ordinary edit over it. */
  const keepMine = (field: string) => {
    edit.keepMine(field);
    if (field === 'bodyHtml') bodyDirty.current = true;
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
          <FieldClashNotice
            clashes={edit.clashes}
            draft={draft}
            labelOf={(field) => (NEWS_LABELS[field] ? t(NEWS_LABELS[field]) : field)}
            textOf={(value, key) => (key === null ? bodyExcerpt(String(value ?? '')) : key === 'eventId' ? (eventOptions.find((e) => e.id === value)?.label ?? '') : String(value ?? ''))}
            onTakeTheirs={takeTheirs}
            onKeepMine={keepMine}
          />
          <label className="news-stacked">
            {t('news.field.title')}
            <input className="news-title-input" value={draft.title} maxLength={300} readOnly={!editable} aria-invalid={!draft.title.trim() || undefined} onChange={(e) => change('title')(e.target.value)} />
          </label>
          <label className="news-stacked">
            {t('news.field.lead')}
            <textarea value={draft.lead} rows={3} maxLength={2000} readOnly={!editable} onChange={(e) => change('lead')(e.target.value)} />
          </label>
          <div className="news-field-row">
            <label className="news-stacked">
              {t('news.field.category')}
              <input list="news-categories" value={draft.category} maxLength={100} readOnly={!editable} onChange={(e) => change('category')(e.target.value)} />
              <datalist id="news-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </label>
            <label className="news-stacked">
              {t('news.field.dateline')}
              <input value={draft.datelineText} readOnly={!editable} placeholder={t('news.field.datelineHint')} aria-invalid={parseTypedDate(draft.datelineText) === undefined || undefined} onChange={(e) => change('datelineText')(e.target.value)} />
            </label>
          </div>
          <div className="news-field-row">
            <label className="news-stacked">
              {t('news.field.tags')}
              <input value={draft.tagsText} readOnly={!editable} onChange={(e) => change('tagsText')(e.target.value)} />
            </label>
            <label className="news-stacked">
              {t('news.field.event')}
              <select value={draft.eventId} disabled={!editable} onChange={(e) => change('eventId')(e.target.value)}>
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
