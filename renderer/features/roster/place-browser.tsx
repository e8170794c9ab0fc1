import { useLiveQuery } from 'dexie-react-hooks';
import { sortByThai } from '../../../shared/thai/thai-collation';
import { TERM_ENDING_DAYS } from '../../../shared/roster/committee-status';
import { useNavigation } from '../../app/navigation-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { emptyCounts, placeCounts } from '../../db/repositories/roster-place-stats';
import { LoadSampleButton } from '../sample-data/load-sample-button';
import { ExportButtons } from './export-buttons';
import { PlaceBreadcrumb } from './place-breadcrumb';
import { useRosterData } from './use-roster-data';

/** A province (its amphoes) or an amphoe (its tambons) with the counts that matter at that level. */
export function PlaceBrowser({ placeCode }: { placeCode: string }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const geography = useThaiGeography();
  const { data } = useRosterData();
  const isProvince = placeCode.length === 2;
  const stats = useLiveQuery(() => placeCounts(data.db, placeCode, isProvince ? 4 : 6), [data, placeCode, isProvince]);
  const centres = useLiveQuery(async () => sortByThai((await data.roster.centres()).filter((c) => c.tambonCode.startsWith(placeCode)), 'name'), [data, placeCode]);

  if (!geography || !stats || !centres) return <p>{t('common.loading')}</p>;
  const children = isProvince ? geography.amphoesOf(placeCode) : geography.tambonsOf(placeCode);
  if (children.length === 0) return <p className="message error" role="alert">{t('roster.unknownPlace')}</p>;
  const shown = isProvince ? children.filter((c) => stats.byChild.has(c.code)) : children;
  const others = isProvince ? children.filter((c) => !stats.byChild.has(c.code)) : [];

  return (
    <>
      <PlaceBreadcrumb geography={geography} code={placeCode} />
      <h2>{isProvince ? t('roster.province', { name: geography.province(placeCode)?.nameTh ?? '' }) : t('roster.amphoe', { name: geography.amphoe(placeCode)?.nameTh ?? '' })}</h2>
      <TotalsLine totals={stats.total} />
      {stats.total.centres === 0 && stats.total.members === 0 && isProvince ? (
        <div className="empty-state">
          <p>{t('roster.empty')}</p>
          <div className="roster-actions">
            <button type="button" className="button primary" onClick={() => navigate('roster', 'import')}>
              {t('roster.import.open')}
            </button>
            <LoadSampleButton />
          </div>
        </div>
      ) : (
        <>
          {!isProvince && (
            <div className="roster-actions">
              <ExportButtons placeCode={placeCode} label={geography.describePlace(placeCode) ?? placeCode} />
              <button type="button" className="button secondary" onClick={() => navigate('roster', 'print', 'amphoe', placeCode)}>
                {t('roster.print')}
              </button>
            </div>
          )}
          <table className="roster-table" aria-label={isProvince ? t('roster.amphoes') : t('roster.tambons')} data-testid="place-counts">
            <thead>
              <tr>
                <th scope="col">{isProvince ? t('roster.col.amphoe') : t('roster.col.tambon')}</th>
                <th scope="col">{t('roster.col.completeCentres')}</th>
                <th scope="col">{t('roster.col.members')}</th>
                <th scope="col">{t('roster.col.termsEnding', { days: TERM_ENDING_DAYS })}</th>
                <th scope="col">{t('roster.col.partners')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((child) => {
                const c = stats.byChild.get(child.code) ?? emptyCounts();
                return (
                  <tr key={child.code}>
                    <th scope="row">
                      <a href={`#/roster/${isProvince ? 'amphoe' : 'tambon'}/${child.code}`} onClick={(e) => (e.preventDefault(), navigate('roster', isProvince ? 'amphoe' : 'tambon', child.code))}>
                        {child.nameTh}
                      </a>{' '}
                      <span className="muted">{child.code}</span>
                    </th>
                    <td>{c.centres === 0 ? <span className="muted">{t('roster.noCentre')}</span> : t('roster.completeOf', { complete: c.completeCentres, total: c.centres })}</td>
                    <td>{c.members}</td>
                    <td className={c.termsEndingSoon > 0 ? 'warn' : undefined}>{c.termsEndingSoon}</td>
                    <td>{c.partners}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {others.length > 0 && (
            <details className="roster-others">
              <summary>{t('roster.otherAmphoes', { count: others.length })}</summary>
              <ul className="roster-chips">
                {others.map((a) => (
                  <li key={a.code}>
                    <a href={`#/roster/amphoe/${a.code}`} onClick={(e) => (e.preventDefault(), navigate('roster', 'amphoe', a.code))}>
                      {a.nameTh}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {centres.length > 0 && (
            <>
              <h2>{t('roster.centres')}</h2>
              <ul className="card-list columns">
                {centres.map((c) => (
                  <li key={c.id} className="card">
                    <h3 className="card-title">
                      <a href={`#/roster/tambon/${c.tambonCode}`} onClick={(e) => (e.preventDefault(), navigate('roster', 'tambon', c.tambonCode))}>
                        {c.name}
                      </a>
                    </h3>
                    <p className="card-lead">{geography.describePlace(c.tambonCode) ?? c.tambonCode}</p>
                    {c.location && (
                      <p className="card-foot">
                        {t('roster.place')}: {c.location}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

function TotalsLine({ totals }: { totals: ReturnType<typeof emptyCounts> }) {
  const t = useTranslate();
  return (
    <ul className="roster-totals" data-testid="place-totals">
      <li>
        <strong>{t('roster.completeOf', { complete: totals.completeCentres, total: totals.centres })}</strong> {t('roster.totals.completeCentres')}
      </li>
      <li>
        <strong>{totals.members}</strong> {t('roster.totals.members')}
      </li>
      <li>
        <strong>{totals.termsEndingSoon}</strong> {t('roster.totals.termsEnding', { days: TERM_ENDING_DAYS })}
      </li>
      <li>
        <strong>{totals.partners}</strong> {t('roster.totals.partners')}
      </li>
    </ul>
  );
}
