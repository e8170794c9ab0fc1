import { useLiveQuery } from 'dexie-react-hooks';
import { sortByThai } from '../../../shared/thai/thai-collation';
import { useDeskData } from '../../app/desk-data-context';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { LoadSampleButton } from '../sample-data/load-sample-button';

/** The province's ศส.ปชต. centres and partner organisations; browsing by place and editing build on this. */
export function RosterPage() {
  const t = useTranslate();
  const { db, roster } = useDeskData();
  const geography = useThaiGeography();
  const centres = useLiveQuery(async () => {
    const rows = await roster.centres();
    const counts = await Promise.all(rows.map((c) => db.members.where('centreId').equals(c.id).filter((m) => !m.deleted).count()));
    return sortByThai(rows, 'name').map((c) => ({ ...c, memberCount: counts[rows.indexOf(c)] ?? 0 }));
  }, [db, roster]);
  const partners = useLiveQuery(() => roster.partners(), [roster]);

  return (
    <section aria-labelledby="roster-title">
      <h1 id="roster-title">{t('roster.title')}</h1>
      {centres === undefined ? (
        <p>{t('common.loading')}</p>
      ) : centres.length === 0 ? (
        <div className="empty-state">
          <p>{t('roster.empty')}</p>
          <LoadSampleButton />
        </div>
      ) : (
        <>
          <h2>{t('roster.centres')}</h2>
          <ul className="card-list columns">
            {centres.map((c) => (
              <li key={c.id} className="card">
                <h3 className="card-title">{c.name}</h3>
                <p className="card-lead">{geography?.describePlace(c.tambonCode) ?? c.tambonCode}</p>
                <p className="card-foot">
                  {t('roster.place')}: {c.location} · {t('roster.members', { count: c.memberCount })}
                </p>
              </li>
            ))}
          </ul>
          {partners && partners.length > 0 && (
            <>
              <h2>{t('roster.partners')}</h2>
              <ul className="card-list columns">
                {sortByThai(partners, 'name').map((p) => (
                  <li key={p.id} className="card">
                    <h3 className="card-title">{p.name}</h3>
                    <p className="card-foot">{p.type}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
