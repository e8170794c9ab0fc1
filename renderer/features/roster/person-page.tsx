import { PersonPhoto } from './person-photo';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { canErase } from '../../../shared/roster/reveal-policy';
import { isRedacted } from '../../../shared/domain/redacted-value';
import { maskedNationalId } from '../../../shared/roster/personal-data-redaction';
import { formatNationalId } from '../../../shared/thai/national-id';
import type { MessageKey } from '../../app/i18n/translate';
import { desk } from '../../bridge/desk-bridge';
import { useNavigation } from '../../app/navigation-store';
import { useNotices } from '../../app/notice-store';
import { useDateFormat } from '../../app/use-date-format';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import type { LocalRecord } from '../../db/local-record';
import { parseBeInput } from './be-date-input';
import { errorMessage } from './error-message';
import { dateOfIso } from './iso-dates';
import { PersonForm } from './person-form';
import { fullName } from './person-row';
import { PrivacyNotice } from './privacy-notice';
import { useRosterActor, useRosterData } from './use-roster-data';
import { getSyncRuntime } from '../../sync/sync-runtime';
import type { RevealOutcome } from '../../sync/person-reveal';
import { placeName } from './place-name';

/** A person: the edit form, the ID (masked; revealed by role, audited), activities, trainings, duplicates, PDPA actions. */
export function PersonPage({ id }: { id: string }) {
  const t = useTranslate();
  const geography = useThaiGeography();
  const navigate = useNavigation((s) => s.navigate);
  const { people } = useRosterData();
  const person = useLiveQuery(async () => (await people.get(id)) ?? null, [people, id]);

  if (person === undefined) return <p>{t('common.loading')}</p>;
  if (person === null) return <p className="message error" role="alert">{t('roster.person.notFound')}</p>;
  if (person.deleted) {
    return (
      <div className="empty-state" role="status">
        <p>{person.erasedAt ? t('roster.person.erased') : t('roster.person.deleted')}</p>
        {person.mergedIntoId && (
          <button type="button" className="button secondary" onClick={() => navigate('roster', 'person', person.mergedIntoId!)}>
            {t('roster.person.openMerged')}
          </button>
        )}
      </div>
    );
  }
  const ids = [person.id, ...person.mergedFromIds];
  return (
    <>
      <p className="roster-breadcrumb">
        <a href={`#/roster/tambon/${person.tambonCode}`} onClick={(e) => (e.preventDefault(), navigate('roster', 'tambon', person.tambonCode))}>
          {placeName(geography, person.tambonCode)}
        </a>
      </p>
      <h2 data-testid="person-name">{fullName(person)}</h2>
      <PersonPhoto person={person} />
      <NationalIdLine person={person} />
      <PrivacyNotice />
      <PersonForm key={person.id} person={person} />
      <Duplicates person={person} />
      <Activities ids={ids} person={person} />
      <AuditTrail ids={ids} />
      <PdpaActions person={person} />
    </>
  );
}

const REVEAL_REFUSALS: Record<Exclude<RevealOutcome, { ok: true }>['reason'], MessageKey> = {
  offline: 'roster.id.revealOffline',
  'signed-out': 'roster.id.revealSignedOut',
  'not-found': 'roster.id.revealNotFound',
  'not-allowed': 'roster.id.revealFailed',
  failed: 'roster.id.revealFailed',
};

/** The ID, masked; the full one only from the server, which checks the role and audits the reveal (issue 18). */
function NationalIdLine({ person }: { person: LocalRecord<'members'> }) {
  const t = useTranslate();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  if (!person.nationalId) return <p className="muted">{t('roster.id.none')}</p>;
  const reveal = async () => {
    setAsking(true);
    const runtime = getSyncRuntime();
    const outcome: RevealOutcome = runtime ? await runtime.reveal.nationalId(person.id) : { ok: false, reason: 'signed-out', message: null };
    setAsking(false);
    if (outcome.ok) {
      setRevealed(outcome.nationalId);
      setError(null);
    } else {
      // The server's own sentence says why a role may not; the others are said here.
      setError(outcome.reason === 'not-allowed' && outcome.message ? outcome.message : t(REVEAL_REFUSALS[outcome.reason]));
    }
  };
  return (
    <p className="roster-id">
      {t('roster.field.nationalId')}: <span className="mono" data-testid="national-id">{revealed ? formatNationalId(revealed) : maskedNationalId(person.nationalId)}</span>{' '}
      {revealed ? (
        <button type="button" className="button secondary" onClick={() => setRevealed(null)}>
          {t('roster.id.hide')}
        </button>
      ) : (
        <button type="button" className="button secondary" disabled={asking} onClick={() => void reveal()}>
          {t('roster.id.reveal')}
        </button>
      )}
      {error && (
        <span className="message error" role="alert">
          {error}
        </span>
      )}
    </p>
  );
}

function Duplicates({ person }: { person: LocalRecord<'members'> }) {
  const t = useTranslate();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const show = useNotices((s) => s.show);
  const duplicates = useLiveQuery(() => people.duplicatesOf(person.id), [people, person]);
  if (!duplicates || duplicates.length === 0) return null;
  const merge = async (other: LocalRecord<'members'>) => {
    if (!window.confirm(t('roster.duplicates.confirm', { name: fullName(other) }))) return;
    try {
      await people.merge(person.id, other.id, actor);
      show(t('roster.duplicates.merged'));
    } catch (error) {
      show(errorMessage(error, t), 'error');
    }
  };
  return (
    <section className="roster-duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('roster.duplicates.title')}</h2>
      <ul>
        {duplicates.map((d) => (
          <li key={d.id}>
            {fullName(d)} · {d.nationalId && !isRedacted(d.nationalId) && d.nationalId === person.nationalId ? t('roster.duplicates.sameId') : t('roster.duplicates.sameName')}{' '}
            <button type="button" className="button secondary" onClick={() => void merge(d)}>
              {t('roster.duplicates.merge')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Activities({ ids, person }: { ids: string[]; person: LocalRecord<'members'> }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const activities = useLiveQuery(() => people.activitiesOf(ids), [people, ids.join()]);
  const [curriculum, setCurriculum] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const addTraining = async (e: FormEvent) => {
    e.preventDefault();
    const iso = parseBeInput(date);
    if (!curriculum.trim() || !iso) return setError(t('roster.training.error'));
    try {
      await people.addTraining(person.id, { curriculum: curriculum.trim(), date: iso }, actor);
      setCurriculum('');
      setDate('');
      setError(null);
    } catch (err) {
      setError(errorMessage(err, t));
    }
  };
  return (
    <div className="roster-columns">
      <section aria-labelledby="activities-title">
        <h2 id="activities-title">{t('roster.activities')}</h2>
        {!activities || activities.length === 0 ? (
          <p className="muted">{t('roster.activities.empty')}</p>
        ) : (
          <ul className="roster-history">
            {activities.map((a) => (
              <li key={a.attendanceId}>
                <span className="nowrap">{dates.shortDate(new Date(a.start))}</span> {a.title}
                {a.group && <span className="muted"> · {a.group}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="trainings-title">
        <h2 id="trainings-title">{t('roster.trainings')}</h2>
        {person.trainings.length === 0 ? (
          <p className="muted">{t('roster.trainings.empty')}</p>
        ) : (
          <ul className="roster-history">
            {person.trainings.map((tr) => (
              <li key={`${tr.date}|${tr.curriculum}`}>
                <span className="nowrap">{dates.shortDate(dateOfIso(tr.date))}</span> {tr.curriculum}
              </li>
            ))}
          </ul>
        )}
        <form className="inline-form" onSubmit={addTraining} noValidate>
          <label>
            {t('roster.training.curriculum')} <input value={curriculum} onChange={(e) => setCurriculum(e.target.value)} />
          </label>
          <label>
            {t('roster.training.date')} <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="วว/ดด/ปปปป" />
          </label>
          <button type="submit" className="button secondary">
            {t('roster.training.add')}
          </button>
          {error && (
            <span className="message error" role="alert">
              {error}
            </span>
          )}
        </form>
      </section>
    </div>
  );
}

function AuditTrail({ ids }: { ids: string[] }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const { people } = useRosterData();
  const trail = useLiveQuery(() => people.audit.forPeople(ids), [people, ids.join()]);
  return (
    <details className="roster-audit">
      <summary>{t('roster.audit.title', { count: trail?.length ?? 0 })}</summary>
      <ul className="roster-history" data-testid="audit-trail">
        {trail?.map((e) => (
          <li key={e.id}>
            <span className="nowrap">
              {dates.shortDate(new Date(e.at))} {dates.time(new Date(e.at))}
            </span>{' '}
            {t(`roster.audit.${e.action}` as MessageKey)} · {e.actorName} ({e.actorRole}){e.fields.length > 0 && e.fields[0] !== '*' && <span className="muted"> · {e.fields.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function PdpaActions({ person }: { person: LocalRecord<'members'> }) {
  const t = useTranslate();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const show = useNotices((s) => s.show);
  const navigate = useNavigation((s) => s.navigate);
  const exportData = async () => {
    try {
      const data = await people.subjectExport(person.id, actor);
      const saved = await desk.saveFile({ suggestedName: `ข้อมูลส่วนบุคคล-${person.firstName}.json`, filters: [{ name: 'JSON', extensions: ['json'] }], data: JSON.stringify(data, null, 2) });
      if (saved.ok && saved.value.saved) show(t('roster.subject.done'));
    } catch (error) {
      show(errorMessage(error, t), 'error');
    }
  };
  const erase = async () => {
    if (!window.confirm(t('roster.erase.confirm', { name: fullName(person) }))) return;
    try {
      await people.erase(person.id, actor);
      show(t('roster.erase.done', { count: 1 }));
      navigate('roster', 'tambon', person.tambonCode);
    } catch (error) {
      show(errorMessage(error, t), 'error');
    }
  };
  return (
    <section className="roster-pdpa" aria-labelledby="pdpa-title">
      <h2 id="pdpa-title">{t('roster.pdpa.title')}</h2>
      <div className="roster-actions">
        <button type="button" className="button secondary" onClick={() => void exportData()}>
          {t('roster.subject.export')}
        </button>
        {canErase(actor) && (
          <button type="button" className="button danger" onClick={() => void erase()}>
            {t('roster.erase.one')}
          </button>
        )}
      </div>
    </section>
  );
}
