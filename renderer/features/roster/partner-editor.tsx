import { useState, type FormEvent } from 'react';
import { PARTNER_TYPES, type PartnerOrganisation } from '../../../shared/domain/partner-organisation';
import type { MessageKey } from '../../app/i18n/translate';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { FieldClashNotice } from '../editing/field-clash-notice';
import { useRecordEdit } from '../editing/use-record-edit';
import { BeDateField } from './be-date-field';
import { beInputValue } from './be-date-input';
import { errorMessage } from './error-message';
import { ChoiceField, FormActions, type FormMessage } from './form-parts';
import { useRosterData } from './use-roster-data';

type Contact = PartnerOrganisation['contacts'][number];
const LEVELS: PartnerOrganisation['level'][] = ['province', 'district', 'tambon', 'village'];
const EMPTY_CONTACT: Contact = { name: '', position: '', phone: '', email: '' };

type PartnerDraft = Pick<LocalRecord<'partners'>, 'type' | 'name' | 'level' | 'contacts' | 'mouDate' | 'notes'>;

const partnerDraftOf = ({ type, name, level, contacts, mouDate, notes }: LocalRecord<'partners'>): PartnerDraft => ({ type, name, level, contacts, mouDate, notes });

const PARTNER_LABELS: Record<keyof PartnerDraft, MessageKey> = {
  type: 'roster.partner.type',
  name: 'roster.partner.name',
  level: 'roster.partner.level',
  contacts: 'roster.partner.contacts',
  mouDate: 'roster.partner.mouDate',
  notes: 'roster.partner.notes',
};

/**
 * Everything about a partner organisation, editable: type, name, level, contact people, MOU date, notes.
 * Follows changes from other devices while open (useRecordEdit).
 */
export function PartnerEditor({ partner }: { partner: LocalRecord<'partners'> }) {
  const t = useTranslate();
  const { data } = useRosterData();
  const edit = useRecordEdit(partner, { toDraft: partnerDraftOf });
  const { draft, setDraft } = edit;
  const [message, setMessage] = useState<FormMessage | null>(null);
  const id = (field: string, index?: number) => `partner-${partner.id}-${field}${index === undefined ? '' : `-${index}`}`;
  const setContact = (index: number, patch: Partial<Contact>) => setDraft((d) => ({ ...d, contacts: d.contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      // A contact row left empty is not a contact.
      await data.roster.updatePartner(partner.id, { ...draft, contacts: draft.contacts.filter((c) => c.name.trim() || c.phone.trim() || c.email.trim()) }, { base: edit.base() });
      setMessage({ error: false, text: t('roster.saved') });
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error, t) });
    }
  };

  const typeOptions = PARTNER_TYPES.includes(draft.type as (typeof PARTNER_TYPES)[number]) ? [...PARTNER_TYPES] : [draft.type, ...PARTNER_TYPES];
  return (
    <details className="roster-add">
      <summary>{t('roster.partner.edit')}</summary>
      <form className="roster-form" onSubmit={save} noValidate aria-label={t('roster.partner.editOf', { name: partner.name })}>
        <FieldClashNotice
          clashes={edit.clashes}
          draft={draft}
          labelOf={(field) => (field in PARTNER_LABELS ? t(PARTNER_LABELS[field as keyof PartnerDraft]) : field)}
          textOf={(value, key) =>
            key === 'level'
              ? t(`roster.partner.level.${String(value)}` as MessageKey)
              : key === 'mouDate'
                ? beInputValue(value as string | null)
                : key === 'contacts'
                  ? (value as PartnerDraft['contacts']).map((c) => [c.name, c.position, c.phone, c.email].filter(Boolean).join(' ')).join('; ')
                  : String(value ?? '')
          }
          onTakeTheirs={edit.takeTheirs}
          onKeepMine={edit.keepMine}
        />
        <ChoiceField id={id('type')} label={t('roster.partner.type')} value={draft.type} choices={typeOptions} onChange={(type) => setDraft((d) => ({ ...d, type }))} />
        <label htmlFor={id('name')}>
          {t('roster.partner.name')}
          <input id={id('name')} value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} />
        </label>
        <ChoiceField
          id={id('level')}
          label={t('roster.partner.level')}
          value={draft.level}
          choices={LEVELS.map((level) => ({ value: level, label: t(`roster.partner.level.${level}` as MessageKey) }))}
          onChange={(level) => setDraft((d) => ({ ...d, level }))}
        />
        <label htmlFor={id('mou-date')}>
          {t('roster.partner.mouDate')}
          <BeDateField id={id('mou-date')} value={draft.mouDate} onChange={(mouDate) => setDraft((d) => ({ ...d, mouDate }))} />
        </label>
        <fieldset className="wide">
          <legend>{t('roster.partner.contacts')}</legend>
          {draft.contacts.map((contact, index) => (
            <div key={index} className="partner-contact" data-testid="partner-contact">
              <input aria-label={t('roster.partner.contactName', { n: index + 1 })} value={contact.name} onChange={(e) => setContact(index, { name: e.target.value })} placeholder={t('roster.partner.contact')} />
              <input aria-label={t('roster.partner.contactPosition', { n: index + 1 })} value={contact.position} onChange={(e) => setContact(index, { position: e.target.value })} placeholder={t('roster.partner.position')} />
              <input aria-label={t('roster.partner.contactPhone', { n: index + 1 })} value={contact.phone} onChange={(e) => setContact(index, { phone: e.target.value })} placeholder="08X-XXX-XXXX" inputMode="tel" />
              <input aria-label={t('roster.partner.contactEmail', { n: index + 1 })} value={contact.email} onChange={(e) => setContact(index, { email: e.target.value })} placeholder="name@example.go.th" inputMode="email" />
              <button type="button" className="button secondary" onClick={() => setDraft((d) => ({ ...d, contacts: d.contacts.filter((_, i) => i !== index) }))}>
                {t('roster.partner.removeContact')}
              </button>
            </div>
          ))}
          <button type="button" className="button secondary" onClick={() => setDraft((d) => ({ ...d, contacts: [...d.contacts, EMPTY_CONTACT] }))}>
            {t('roster.partner.addContact')}
          </button>
        </fieldset>
        <label htmlFor={id('notes')} className="wide">
          {t('roster.partner.notes')}
          <textarea id={id('notes')} aria-label={t('roster.partner.notes')} rows={2} value={draft.notes} onChange={(e) => setDraft((d) => ({ ...d, notes: e.target.value }))} />
        </label>
        <FormActions submitLabel={t('roster.save')} message={message} />
      </form>
    </details>
  );
}
