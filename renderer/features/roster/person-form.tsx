import { useState, type FormEvent } from 'react';
import { FieldClashNotice } from '../editing/field-clash-notice';
import { useRecordEdit } from '../editing/use-record-edit';
import { COMMITTEE_ROLES, MEMBER_SECTORS } from '../../../shared/domain/member';
import { isRedacted } from '../../../shared/domain/redacted-value';
import { maskedNationalId } from '../../../shared/roster/personal-data-redaction';
import { isValidNationalId, normaliseNationalId } from '../../../shared/thai/national-id';
import { formatPhone, validatePhone } from '../../../shared/thai/phone-number';
import type { MessageKey } from '../../app/i18n/translate';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import type { PersonPatch } from '../../db/repositories/people-repository';
import { beInputValue, parseBeInput } from './be-date-input';
import { errorMessage } from './error-message';
import { FormActions, type FormMessage } from './form-parts';
import { useRosterActor, useRosterData } from './use-roster-data';

type Draft = Record<'title' | 'firstName' | 'lastName' | 'newNationalId' | 'phone' | 'lineId' | 'email' | 'village' | 'role' | 'sector' | 'termStart' | 'termEnd' | 'privacyNoticeOn', string>;

/** Contact fields the server withheld from this user (issue 18): shown empty, left as they are unless typed over. */
type Withheld = ReadonlySet<'phone' | 'lineId' | 'email'>;

function withheldOf(p: LocalRecord<'members'>): Withheld {
  return new Set((['phone', 'lineId', 'email'] as const).filter((f) => isRedacted(p[f])));
}

function draftOf(p: LocalRecord<'members'>): Draft {
  const withheld = withheldOf(p);
  return {
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    newNationalId: '',
    phone: p.phone && !withheld.has('phone') ? (formatPhone(p.phone) ?? p.phone) : '',
    lineId: withheld.has('lineId') ? '' : p.lineId,
    email: withheld.has('email') ? '' : p.email,
    village: p.village === null ? '' : String(p.village),
    role: p.role,
    sector: p.sector,
    termStart: beInputValue(p.termStart),
    termEnd: beInputValue(p.termEnd),
    privacyNoticeOn: beInputValue(p.privacyNoticeOn),
  };
}

type Errors = Partial<Record<keyof Draft, string>>;

/** Reads the draft into a patch, or the Thai error of each bad field. */
function patchOf(draft: Draft, withheld: Withheld, t: (k: MessageKey) => string): { patch: PersonPatch } | { errors: Errors } {
  const errors: Errors = {};
  const patch: PersonPatch = { title: draft.title.trim(), firstName: draft.firstName.trim(), lastName: draft.lastName.trim(), lineId: draft.lineId.trim(), email: draft.email.trim(), role: draft.role.trim(), sector: draft.sector.trim() };
  if (!patch.firstName) errors.firstName = t('roster.error.firstName');
  if (draft.newNationalId.trim()) {
    const id = normaliseNationalId(draft.newNationalId);
    if (!id || !isValidNationalId(id)) errors.newNationalId = t('roster.error.nationalId');
    else patch.nationalId = id;
  }
  if (draft.phone.trim()) {
    const phone = validatePhone(draft.phone);
    if (phone.ok) patch.phone = phone.value;
    else errors.phone = phone.reason;
  } else if (!withheld.has('phone')) patch.phone = null;
  // A withheld field left empty is left alone: the real value stays on the server.
  if (withheld.has('lineId') && !patch.lineId) delete patch.lineId;
  if (withheld.has('email') && !patch.email) delete patch.email;
  if (draft.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) errors.email = t('roster.error.email');
  if (draft.village.trim()) {
    const n = Number(draft.village);
    if (Number.isInteger(n) && n >= 1 && n <= 99) patch.village = n;
    else errors.village = t('roster.error.village');
  } else patch.village = null;
  for (const field of ['termStart', 'termEnd', 'privacyNoticeOn'] as const) {
    const value = parseBeInput(draft[field]);
    if (value === undefined) errors[field] = t('roster.error.date');
    else patch[field] = value;
  }
  if (patch.termStart && patch.termEnd && patch.termEnd < patch.termStart) errors.termEnd = t('roster.error.termOrder');
  return Object.keys(errors).length > 0 ? { errors } : { patch };
}

/** The form's label of each person field (the clash notice names fields by them). */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  title: 'roster.field.title',
  firstName: 'roster.field.firstName',
  lastName: 'roster.field.lastName',
  nationalId: 'roster.field.newNationalId',
  phone: 'roster.field.phone',
  lineId: 'roster.field.lineId',
  email: 'roster.field.email',
  village: 'roster.field.village',
  role: 'roster.field.role',
  sector: 'roster.field.sector',
  termStart: 'roster.field.termStart',
  termEnd: 'roster.field.termEnd',
  privacyNoticeOn: 'roster.field.privacyNoticeOn',
};

/**
 * The edit form of a person; labels are stable (other teams' tests fill it by label). Works offline: it only
 * writes IndexedDB. While it is open, a change that arrives from another device shows in the fields the user
 * has not touched, and is offered beside what the user typed in the others (useRecordEdit).
 */
export function PersonForm({ person }: { person: LocalRecord<'members'> }) {
  const t = useTranslate();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const edit = useRecordEdit(person, { toDraft: draftOf });
  const { draft, setDraft } = edit;
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<FormMessage | null>(null);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = patchOf(draft, withheldOf(person), t);
    if ('errors' in result) {
      setErrors(result.errors);
      setStatus({ error: true, text: t('roster.error.form') });
      return;
    }
    setErrors({});
    try {
      const saved = await people.update(person.id, result.patch, actor, { base: edit.base() });
      edit.refreshFrom(saved, draft);
      setStatus({ error: false, text: t('roster.saved') });
    } catch (error) {
      setStatus({ error: true, text: errorMessage(error, t) });
    }
  };

  const withheld = withheldOf(person);
  const field = (key: keyof Draft, label: MessageKey, extra: { placeholder?: string; list?: string; inputMode?: 'numeric' | 'tel' | 'email' } = {}) => (
    <label>
      {t(label)}
      <input value={draft[key]} onChange={set(key)} aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `person-${key}-error` : undefined} {...extra} />
      {errors[key] && (
        <span id={`person-${key}-error`} className="field-error">
          {errors[key]}
        </span>
      )}
    </label>
  );

  return (
    <form className="roster-form" onSubmit={save} noValidate aria-label={t('roster.person.edit')}>
      <FieldClashNotice
        clashes={edit.clashes}
        draft={draft}
        labelOf={(field) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field)}
        onTakeTheirs={edit.takeTheirs}
        onKeepMine={edit.keepMine}
      />
      {field('title', 'roster.field.title', { list: 'roster-titles' })}
      {field('firstName', 'roster.field.firstName')}
      {field('lastName', 'roster.field.lastName')}
      {field('newNationalId', 'roster.field.newNationalId', { placeholder: person.nationalId ? (maskedNationalId(person.nationalId) ?? '') : 'X-XXXX-XXXXX-XX-X', inputMode: 'numeric' })}
      {field('phone', 'roster.field.phone', { placeholder: withheld.has('phone') ? t('roster.field.withheld') : '08X-XXX-XXXX', inputMode: 'tel' })}
      {field('lineId', 'roster.field.lineId', withheld.has('lineId') ? { placeholder: t('roster.field.withheld') } : {})}
      {field('email', 'roster.field.email', { inputMode: 'email', ...(withheld.has('email') ? { placeholder: t('roster.field.withheld') } : {}) })}
      {field('village', 'roster.field.village', { inputMode: 'numeric' })}
      {field('role', 'roster.field.role', { list: 'roster-roles' })}
      {field('sector', 'roster.field.sector', { list: 'roster-sectors' })}
      {field('termStart', 'roster.field.termStart', { placeholder: 'วว/ดด/ปปปป (พ.ศ.)' })}
      {field('termEnd', 'roster.field.termEnd', { placeholder: 'วว/ดด/ปปปป (พ.ศ.)' })}
      {field('privacyNoticeOn', 'roster.field.privacyNoticeOn', { placeholder: 'วว/ดด/ปปปป (พ.ศ.)' })}
      <datalist id="roster-titles">
        {['นาย', 'นาง', 'นางสาว', 'ดร.', 'ว่าที่ ร.ต.'].map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="roster-roles">
        {COMMITTEE_ROLES.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <datalist id="roster-sectors">
        {MEMBER_SECTORS.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
      <FormActions submitLabel={t('roster.save')} message={status} messageTestId="person-save-status" />
    </form>
  );
}
