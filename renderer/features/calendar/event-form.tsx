import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent, type ReactNode } from 'react';
import { validateEventDraft, type DraftField, type DraftIssue, type EventDraft } from '../../../shared/calendar/event-draft';
import { RECURRENCE_PRESETS } from '../../../shared/calendar/recurrence';
import { ACTIVITY_TYPES } from '../../../shared/domain/calendar-event';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import type { EditBase } from '../../db/record-writer';
import type { LocalRecord } from '../../db/local-record';
import { FieldClashNotice } from '../editing/field-clash-notice';
import { useRecordEdit } from '../editing/use-record-edit';
import type { CalendarDialog } from './calendar-view-store';
import { draftOf } from './event-draft-of';
import { errorText } from './error-text';
import { ModalDialog } from './modal-dialog';
import { ParticipantRows } from './participant-rows';
import { useRecurrenceText } from './use-recurrence-text';

type FormDialog = Extract<CalendarDialog, { kind: 'form' }>;

/** Create or edit an activity. Checked as a whole on save; nothing is written until it passes. */
export function EventForm({ dialog, onClose }: { dialog: FormDialog; onClose(): void }) {
  const data = useDeskData();
  const era = useSession((s) => s.settings.era);
  const event = useLiveQuery(async () => (dialog.eventId ? ((await data.events.get(dialog.eventId)) ?? null) : null), [data, dialog.eventId]);
  if (dialog.eventId && event === undefined) return null;
  if (event) return <EditEventForm dialog={dialog} event={event} onClose={onClose} />;
  return <NewEventForm dialog={dialog} initial={draftOf(null, dialog, era)} onClose={onClose} />;
}

function NewEventForm({ dialog, initial, onClose }: { dialog: FormDialog; initial: EventDraft; onClose(): void }) {
  const [draft, setDraft] = useState<EventDraft>(initial);
  return <EventFormBody dialog={dialog} initial={initial} seriesStart={dialog.start.toISOString()} draft={draft} setDraft={setDraft} onClose={onClose} />;
}

/** The record field an activity form shows, by its label. */
const EVENT_LABELS: Partial<Record<string, MessageKey>> = {
  title: 'calendar.form.title',
  type: 'calendar.form.type',
  allDay: 'calendar.form.allDay',
  start: 'calendar.form.startDate',
  end: 'calendar.form.endDate',
  place: 'calendar.form.place',
  placeTambonCode: 'calendar.form.tambon',
  organiser: 'calendar.form.organiser',
  description: 'calendar.form.description',
  expected: 'calendar.form.expected',
  actual: 'calendar.form.actual',
  rrule: 'calendar.form.recurrence',
  exdates: 'calendar.form.recurrence',
};

/** An existing activity: the form follows changes from other devices while it is open (useRecordEdit). */
function EditEventForm({ dialog, event, onClose }: { dialog: FormDialog; event: LocalRecord<'events'>; onClose(): void }) {
  const t = useTranslate();
  const era = useSession((s) => s.settings.era);
  const edit = useRecordEdit(event, { toDraft: (e) => draftOf(e, dialog, era) });
  const recurrenceText = useRecurrenceText();
  const [initial] = useState(edit.draft);
  const notice = (
    <FieldClashNotice
      clashes={edit.clashes}
      draft={edit.draft}
      labelOf={(field) => (EVENT_LABELS[field] ? t(EVENT_LABELS[field]) : field)}
      textOf={(value, key) =>
        key === 'type' ? t(`calendar.type.${String(value)}` as MessageKey) : key === 'recurrence'
          ? t(`calendar.form.recurrence.${String(value)}` as MessageKey, { rule: recurrenceText({ start: event.start, rrule: edit.draft.customRule || null, rdates: edit.draft.rdates, timeZone: edit.draft.timeZone }) ?? '' })
          : participantText(value)
      }
      onTakeTheirs={edit.takeTheirs}
      onKeepMine={edit.keepMine}
    />
  );
  return <EventFormBody dialog={dialog} initial={initial} seriesStart={event.start} draft={edit.draft} setDraft={edit.setDraft} base={edit.base} notice={notice} onClose={onClose} />;
}

function participantText(value: unknown): string {
  if (Array.isArray(value)) return value.map((row) => (typeof row === 'object' && row !== null ? Object.values(row).join(' ') : String(row))).join(', ');
  return typeof value === 'boolean' ? (value ? '✓' : '–') : String(value ?? '');
}

interface EventFormBodyProps {
  dialog: FormDialog;
  initial: EventDraft;
  /** Where the series starts, for saying an imported rule in Thai. */
  seriesStart: string;
  draft: EventDraft;
  setDraft: (update: (draft: EventDraft) => EventDraft) => void;
  /** The activity as the form loaded it (edits of an existing one). */
  base?: () => EditBase;
  notice?: ReactNode;
  onClose(): void;
}

function EventFormBody({ dialog, initial, seriesStart, draft, setDraft, base, notice, onClose }: EventFormBodyProps) {
  const t = useTranslate();
  const data = useDeskData();
  const scope = useSession((s) => s.scope);
  const notices = useNotices();
  const navigate = useNavigation((s) => s.navigate);
  const geography = useThaiGeography();
  const [issues, setIssues] = useState<DraftIssue[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<EventDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const recurrenceText = useRecurrenceText();
  // The imported rules in words (the form keeps them as they are).
  const customRuleText = initial.recurrence === 'custom' ? (recurrenceText({ start: seriesStart, rrule: initial.customRule || null, rdates: initial.rdates, timeZone: initial.timeZone }) ?? '') : '';

  const issueText = (issue: DraftIssue) => t(`calendar.error.${issue.problem}` as MessageKey, { row: (issue.row ?? 0) + 1 });
  const issuesOf = (field: DraftField) => issues.filter((i) => i.field === field);
  const errorFor = (field: DraftField) => {
    const list = issuesOf(field);
    return list.length === 0 ? null : (
      <p id={`event-${field}-error`} className="message error field-error" role="alert">
        {list.map(issueText).join(' ')}
      </p>
    );
  };
  const invalid = (field: DraftField) => (issuesOf(field).length > 0 ? { 'aria-invalid': true, 'aria-describedby': `event-${field}-error` } : {});

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = validateEventDraft(draft);
    if (!result.ok) {
      setIssues(result.issues);
      setSaveError(t('calendar.form.fixErrors'));
      // Take the user (and a screen reader) to the first field to fix, once it is marked.
      const form = e.currentTarget as HTMLFormElement;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setIssues([]);
    setSaving(true);
    try {
      const saved = dialog.eventId ? await data.events.update(dialog.eventId, result.value, { base: base?.() }) : await data.events.create(result.value, scope);
      notices.show(t('calendar.form.saved'));
      onClose();
      navigate('calendar', 'event', saved.id);
    } catch (error) {
      setSaveError(errorText(t, error));
    } finally {
      setSaving(false);
    }
  };

  const amphoes = geography?.amphoesOf(scope.provinceCode) ?? [];
  const tambons = draft.amphoeCode && geography ? geography.tambonsOf(draft.amphoeCode) : [];
  const rowsWithIssues = (field: 'expected' | 'actual') => new Set(issuesOf(field).map((i) => i.row ?? -1));

  return (
    <ModalDialog title={t(dialog.eventId ? 'calendar.form.editTitle' : 'calendar.form.newTitle')} onClose={onClose} wide>
      <form className="event-form" onSubmit={save} noValidate>
        {notice}
        <label htmlFor="event-title">{t('calendar.form.title')}</label>
        <input id="event-title" value={draft.title} onChange={(e) => set({ title: e.target.value })} {...invalid('title')} autoFocus />
        {errorFor('title')}

        <label htmlFor="event-type">{t('calendar.form.type')}</label>
        <select id="event-type" value={draft.type} onChange={(e) => set({ type: e.target.value as EventDraft['type'] })}>
          {ACTIVITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`calendar.type.${type}` as MessageKey)}
            </option>
          ))}
        </select>

        <label className="checkbox">
          <input type="checkbox" checked={draft.allDay} onChange={(e) => set({ allDay: e.target.checked })} />
          {t('calendar.form.allDay')}
        </label>

        <div className="form-row">
          <div>
            <label htmlFor="event-start-date">{t('calendar.form.startDate')}</label>
            <input id="event-start-date" className="date-input" inputMode="numeric" placeholder={t('calendar.form.datePlaceholder')} aria-describedby="event-date-hint" value={draft.startDate} onChange={(e) => set({ startDate: e.target.value })} {...invalid('start')} />
          </div>
          {!draft.allDay && (
            <div>
              <label htmlFor="event-start-time">{t('calendar.form.startTime')}</label>
              <input id="event-start-time" className="time-input" inputMode="decimal" placeholder="09.30" value={draft.startTime} onChange={(e) => set({ startTime: e.target.value })} {...invalid('start')} />
            </div>
          )}
          <div>
            <label htmlFor="event-end-date">{t('calendar.form.endDate')}</label>
            <input id="event-end-date" className="date-input" inputMode="numeric" placeholder={t('calendar.form.datePlaceholder')} aria-describedby="event-date-hint" value={draft.endDate} onChange={(e) => set({ endDate: e.target.value })} {...invalid('end')} />
          </div>
          {!draft.allDay && (
            <div>
              <label htmlFor="event-end-time">{t('calendar.form.endTime')}</label>
              <input id="event-end-time" className="time-input" inputMode="decimal" placeholder="09.30" value={draft.endTime} onChange={(e) => set({ endTime: e.target.value })} {...invalid('end')} />
            </div>
          )}
        </div>
        <p id="event-date-hint" className="muted">
          {t('calendar.form.dateHint')}
        </p>
        {errorFor('start')}
        {errorFor('end')}

        <label htmlFor="event-place">{t('calendar.form.place')}</label>
        <input id="event-place" value={draft.place} onChange={(e) => set({ place: e.target.value })} />
        <div className="form-row">
          <div>
            <label htmlFor="event-amphoe">{t('calendar.form.amphoe')}</label>
            <select id="event-amphoe" value={draft.amphoeCode} onChange={(e) => set({ amphoeCode: e.target.value, tambonCode: '' })}>
              <option value="">{t('calendar.form.noPlaceCode')}</option>
              {amphoes.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.nameTh}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="event-tambon">{t('calendar.form.tambon')}</label>
            <select id="event-tambon" value={draft.tambonCode} onChange={(e) => set({ tambonCode: e.target.value })} disabled={!draft.amphoeCode} {...invalid('tambonCode')}>
              <option value="">{t('calendar.form.noPlaceCode')}</option>
              {tambons.map((tb) => (
                <option key={tb.code} value={tb.code}>
                  {tb.nameTh}
                </option>
              ))}
            </select>
          </div>
        </div>
        {errorFor('tambonCode')}

        <label htmlFor="event-organiser">{t('calendar.form.organiser')}</label>
        <input id="event-organiser" value={draft.organiser} onChange={(e) => set({ organiser: e.target.value })} />
        <label htmlFor="event-description">{t('calendar.form.description')}</label>
        <textarea id="event-description" rows={3} value={draft.description} onChange={(e) => set({ description: e.target.value })} />

        <ParticipantRows id="expected" legend={t('calendar.form.expected')} rows={draft.expected} onChange={(expected) => set({ expected })} invalidRows={rowsWithIssues('expected')} errorId={issuesOf('expected').length ? 'event-expected-error' : undefined} />
        {errorFor('expected')}
        <ParticipantRows id="actual" legend={t('calendar.form.actual')} rows={draft.actual} onChange={(actual) => set({ actual })} invalidRows={rowsWithIssues('actual')} errorId={issuesOf('actual').length ? 'event-actual-error' : undefined} />
        {errorFor('actual')}

        <div className="form-row">
          <div>
            <label htmlFor="event-recurrence">{t('calendar.form.recurrence')}</label>
            <select id="event-recurrence" value={draft.recurrence} onChange={(e) => set({ recurrence: e.target.value as EventDraft['recurrence'] })} {...invalid('recurrence')}>
              {RECURRENCE_PRESETS.filter((p) => p !== 'custom' || initial.recurrence === 'custom').map((p) => (
                <option key={p} value={p}>
                  {t(`calendar.form.recurrence.${p}` as MessageKey, { rule: customRuleText })}
                </option>
              ))}
            </select>
          </div>
          {draft.recurrence !== 'none' && draft.recurrence !== 'custom' && (
            <div>
              <label htmlFor="event-until">{t('calendar.form.until')}</label>
              <input id="event-until" className="date-input" inputMode="numeric" placeholder={t('calendar.form.datePlaceholder')} value={draft.until} onChange={(e) => set({ until: e.target.value })} {...invalid('until')} />
            </div>
          )}
        </div>
        {errorFor('recurrence')}
        {errorFor('until')}
        {dialog.eventId && initial.recurrence !== 'none' && <p className="muted">{t('calendar.form.seriesNote')}</p>}

        {saveError && (
          <p className="message error" role="alert" data-testid="event-form-error">
            {saveError}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {t('common.save')}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
