import { PartnerEditor } from './partner-editor';
import { PartnerMouDocument } from './partner-mou-document';
import { BeDateField } from './be-date-field';
import { beInputValue } from './be-date-input';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { CENTRE_STATUSES } from '../../../shared/domain/centre';
import { COMMITTEE_ROLES, TITLE_PREFIXES } from '../../../shared/domain/member';
import { PARTNER_TYPES } from '../../../shared/domain/partner-organisation';
import { toIsoDate } from '../../../shared/roster/import-cell';
import type { MessageKey } from '../../app/i18n/translate';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { FieldClashNotice } from '../editing/field-clash-notice';
import { useRecordEdit } from '../editing/use-record-edit';
import { errorMessage } from './error-message';
import { ExportButtons } from './export-buttons';
import { ChoiceField, FormActions, type FormMessage } from './form-parts';
import { PersonRow } from './person-row';
import { PlaceBreadcrumb } from './place-breadcrumb';
import { PrivacyNotice } from './privacy-notice';
import { useRosterActor, useRosterData } from './use-roster-data';

/** A tambon: its ศส.ปชต. centre (details and appointment order), the committee, partners. */
export function TambonPage({ tambonCode }: { tambonCode: string }) {
  const t = useTranslate();
  const geography = useThaiGeography();
  const { data, people } = useRosterData();
  const navigate = useNavigation((s) => s.navigate);
  const centre = useLiveQuery(async () => (await data.roster.centreOfTambon(tambonCode)) ?? null, [data, tambonCode]);
  const committee = useLiveQuery(() => people.ofTambon(tambonCode), [people, tambonCode]);
  const partners = useLiveQuery(() => data.roster.partnersOfPlace(tambonCode), [data, tambonCode]);

  if (!geography || centre === undefined || !committee || !partners) return <p>{t('common.loading')}</p>;
  const tambon = geography.tambon(tambonCode);
  if (!tambon) return <p className="message error" role="alert">{t('roster.unknownPlace')}</p>;

  return (
    <>
      <PlaceBreadcrumb geography={geography} code={tambonCode} />
      <h2>{centre?.name ?? t('roster.tambon', { name: tambon.nameTh })}</h2>
      <p className="lead">{geography.describePlace(tambonCode)}</p>
      {centre ? <CentreForm key={centre.id} centre={centre} /> : <CreateCentre tambonCode={tambonCode} tambonName={tambon.nameTh} />}

      <h2 id="committee-title">{t('roster.committee', { count: committee.length })}</h2>
      <div className="roster-actions">
        <ExportButtons placeCode={tambonCode} label={tambon.nameTh} />
        <button type="button" className="button secondary" onClick={() => navigate('roster', 'print', 'tambon', tambonCode)}>
          {t('roster.print')}
        </button>
      </div>
      {committee.length === 0 ? (
        <p className="empty-state">{t('roster.committee.empty')}</p>
      ) : (
        <table className="roster-table" aria-labelledby="committee-title">
          <thead>
            <tr>
              <th scope="col">{t('roster.col.name')}</th>
              <th scope="col">{t('roster.field.role')}</th>
              <th scope="col">{t('roster.field.sector')}</th>
              <th scope="col">{t('roster.field.phone')}</th>
              <th scope="col">{t('roster.field.nationalId')}</th>
              <th scope="col">{t('roster.field.termEnd')}</th>
            </tr>
          </thead>
          <tbody>
            {committee.map((p) => (
              <PersonRow key={p.id} person={p} />
            ))}
          </tbody>
        </table>
      )}
      <AddPersonForm tambonCode={tambonCode} centreId={centre?.id ?? null} />

      <h2>{t('roster.partners')}</h2>
      {partners.length === 0 ? <p className="muted">{t('roster.partners.empty')}</p> : <PartnerList partners={partners} />}
      <AddPartnerForm placeCode={tambonCode} />
    </>
  );
}

function CreateCentre({ tambonCode, tambonName }: { tambonCode: string; tambonName: string }) {
  const t = useTranslate();
  const { data } = useRosterData();
  const scope = useSession((s) => s.scope);
  const show = useNotices((s) => s.show);
  const create = async () => {
    try {
      await data.roster.createCentre({ tambonCode, name: `ศส.ปชต. ตำบล${tambonName}`, location: '', establishedOn: null, status: 'active', orderNumber: '', orderDate: null, notes: '' }, scope);
    } catch (error) {
      show(errorMessage(error, t), 'error');
    }
  };
  return (
    <div className="empty-state">
      <p>{t('roster.centre.none')}</p>
      <button type="button" className="button primary" onClick={() => void create()}>
        {t('roster.centre.create')}
      </button>
    </div>
  );
}

type CentreDraft = Pick<LocalRecord<'centres'>, 'name' | 'location' | 'establishedOn' | 'status' | 'orderNumber' | 'orderDate' | 'notes'>;

const centreDraftOf = ({ name, location, establishedOn, status, orderNumber, orderDate, notes }: LocalRecord<'centres'>): CentreDraft => ({ name, location, establishedOn, status, orderNumber, orderDate, notes });

const CENTRE_LABELS: Record<keyof CentreDraft, MessageKey> = {
  name: 'roster.centre.name',
  location: 'roster.centre.location',
  establishedOn: 'roster.centre.established',
  status: 'roster.centre.status',
  orderNumber: 'roster.centre.orderNumber',
  orderDate: 'roster.centre.orderDate',
  notes: 'roster.centre.notes',
};

/** The centre's details; follows changes from other devices while open (useRecordEdit). */
function CentreForm({ centre }: { centre: LocalRecord<'centres'> }) {
  const t = useTranslate();
  const { data } = useRosterData();
  const edit = useRecordEdit(centre, { toDraft: centreDraftOf });
  const { draft } = edit;
  const [message, setMessage] = useState<FormMessage | null>(null);
  const set = <K extends keyof CentreDraft>(key: K, value: CentreDraft[K]) => edit.setDraft((d) => ({ ...d, [key]: value }));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await data.roster.updateCentre(centre.id, draft, { base: edit.base() });
      setMessage({ error: false, text: t('roster.saved') });
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error, t) });
    }
  };
  return (
    <form className="roster-form" onSubmit={save} aria-label={t('roster.centre.details')}>
      <FieldClashNotice
        clashes={edit.clashes}
        draft={draft}
        labelOf={(field) => (field in CENTRE_LABELS ? t(CENTRE_LABELS[field as keyof CentreDraft]) : field)}
        textOf={(value, key) => (key === 'status' ? t(`roster.centre.status.${String(value)}` as MessageKey) : key === 'establishedOn' || key === 'orderDate' ? beInputValue(value as string | null) : String(value ?? ''))}
        onTakeTheirs={edit.takeTheirs}
        onKeepMine={edit.keepMine}
      />
      <label>
        {t('roster.centre.name')}
        <input value={draft.name} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label>
        {t('roster.centre.location')}
        <input value={draft.location} onChange={(e) => set('location', e.target.value)} placeholder="กศน.ตำบล…" />
      </label>
      <label>
        {t('roster.centre.established')}
        <BeDateField id="centre-established" value={draft.establishedOn} onChange={(v) => set('establishedOn', v)} />
      </label>
      <ChoiceField
        label={t('roster.centre.status')}
        value={draft.status}
        choices={CENTRE_STATUSES.map((s) => ({ value: s, label: t(`roster.centre.status.${s}` as MessageKey) }))}
        onChange={(status) => set('status', status)}
      />
      <label>
        {t('roster.centre.orderNumber')}
        <input value={draft.orderNumber} onChange={(e) => set('orderNumber', e.target.value)} placeholder="101/2565" />
      </label>
      <label>
        {t('roster.centre.orderDate')}
        <BeDateField id="centre-order-date" value={draft.orderDate} onChange={(v) => set('orderDate', v)} />
      </label>
      <label className="wide">
        {t('roster.centre.notes')}
        <textarea rows={2} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </label>
      <FormActions submitLabel={t('roster.save')} message={message} />
    </form>
  );
}

function AddPersonForm({ tambonCode, centreId }: { tambonCode: string; centreId: string | null }) {
  const t = useTranslate();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const scope = useSession((s) => s.scope);
  const navigate = useNavigation((s) => s.navigate);
  const [title, setTitle] = useState('นาย');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [role, setRole] = useState('กรรมการ');
  const [noticeGiven, setNoticeGiven] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!noticeGiven) return setError(t('roster.privacy.required'));
    try {
      const created = await people.create(
        { tambonCode, centreId, title, firstName, lastName, nationalId: null, phone: null, lineId: '', email: '', village: null, role, sector: '', termStart: null, termEnd: null, trainings: [], photoAttachmentId: null, privacyNoticeOn: toIsoDate(new Date()) },
        scope,
        actor,
      );
      navigate('roster', 'person', created.id);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  return (
    <details className="roster-add">
      <summary>{t('roster.person.add')}</summary>
      <PrivacyNotice />
      <form className="roster-form" onSubmit={add} noValidate>
        <ChoiceField label={t('roster.field.title')} value={title} choices={TITLE_PREFIXES} onChange={setTitle} />
        <label>
          {t('roster.field.firstName')}
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} aria-invalid={error ? true : undefined} />
        </label>
        <label>
          {t('roster.field.lastName')}
          <input value={lastName} onChange={(e) => setLastName(e.target.value)} />
        </label>
        <ChoiceField label={t('roster.field.role')} value={role} choices={COMMITTEE_ROLES} onChange={setRole} />
        <label className="wide checkbox">
          <input type="checkbox" checked={noticeGiven} onChange={(e) => setNoticeGiven(e.target.checked)} /> {t('roster.privacy.given')}
        </label>
        <FormActions submitLabel={t('roster.person.create')} message={error ? { error: true, text: error } : null} />
      </form>
    </details>
  );
}

function PartnerList({ partners }: { partners: LocalRecord<'partners'>[] }) {
  const t = useTranslate();
  return (
    <ul className="card-list columns">
      {partners.map((p) => (
        <li key={p.id} className="card">
          <h3 className="card-title">{p.name}</h3>
          <p className="card-foot">
            {p.type} · {t(`roster.partner.level.${p.level}` as MessageKey)}
            {p.contacts.length > 0 && ` · ${p.contacts.map((c) => c.name).join(', ')}`}
          </p>
          {p.notes && <p className="card-lead">{p.notes}</p>}
          <PartnerMouDocument partner={p} />
          <PartnerEditor partner={p} />
        </li>
      ))}
    </ul>
  );
}

function AddPartnerForm({ placeCode }: { placeCode: string }) {
  const t = useTranslate();
  const { data } = useRosterData();
  const scope = useSession((s) => s.scope);
  const [type, setType] = useState<string>(PARTNER_TYPES[0]);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [mouDate, setMouDate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await data.roster.createPartner(
        { type, name, level: 'tambon', placeCode, contacts: contact.trim() ? [{ name: contact.trim(), position: '', phone: '', email: '' }] : [], mouDate, mouAttachmentId: null, notes: '' },
        scope,
      );
      setName('');
      setContact('');
      setError(null);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  return (
    <details className="roster-add">
      <summary>{t('roster.partner.add')}</summary>
      <form className="roster-form" onSubmit={add} noValidate>
        <ChoiceField label={t('roster.partner.type')} value={type} choices={PARTNER_TYPES} onChange={setType} />
        <label>
          {t('roster.partner.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('roster.partner.contact')}
          <input value={contact} onChange={(e) => setContact(e.target.value)} />
        </label>
        <label>
          {t('roster.partner.mouDate')}
          <BeDateField id="partner-mou-date" value={mouDate} onChange={setMouDate} />
        </label>
        <FormActions submitLabel={t('roster.partner.create')} message={error ? { error: true, text: error } : null} />
      </form>
    </details>
  );
}
