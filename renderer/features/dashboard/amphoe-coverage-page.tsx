import { useLiveQuery } from 'dexie-react-hooks';
import { TERM_ENDING_DAYS } from '../../../shared/roster/committee-status';
import { useNavigation } from '../../app/navigation-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { tambonCoverageOf } from '../../db/overview/coverage';
import { BackToOverview } from './back-to-overview';
import { useOverviewRepository, useOverviewScope } from './use-overview';

/** #/dashboard/amphoe/<code>: the ศส.ปชต. coverage of one amphoe, tambon by tambon, each a link to its roster. */
export function AmphoeCoveragePage({ amphoeCode }: { amphoeCode: string }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const geography = useThaiGeography();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const allowed = scope.districtCode === null || scope.districtCode === amphoeCode;
  const coverage = useLiveQuery(() => overview.coverage({ provinceCode: scope.provinceCode, districtCode: amphoeCode }), [overview, scope.provinceCode, amphoeCode]);
  const amphoe = geography?.amphoe(amphoeCode);

  if (!geography || !coverage) return <p>{t('common.loading')}</p>;
  if (!amphoe || amphoe.provinceCode !== scope.provinceCode || !allowed) return <p className="message error" role="alert">{t('overview.unknownAmphoe')}</p>;
  const c = coverage.get(amphoeCode);
  const openTambon = (code: string) => navigate('roster', 'tambon', code);
  return (
    <section aria-labelledby="amphoe-title" className="overview">
      <BackToOverview />
      <h1 id="amphoe-title">{t('overview.coverage.amphoeTitle', { name: amphoe.nameTh })}</h1>
      <p>
        <a href={`#/roster/amphoe/${amphoeCode}`} onClick={(e) => (e.preventDefault(), navigate('roster', 'amphoe', amphoeCode))}>
          {t('overview.coverage.openRoster')}
        </a>
      </p>
      <table className="overview-table" data-testid="tambon-coverage">
        <thead>
          <tr>
            <th scope="col">{t('overview.col.tambon')}</th>
            <th scope="col">{t('overview.col.centre')}</th>
            <th scope="col">{t('overview.col.committee')}</th>
            <th scope="col">{t('overview.col.members')}</th>
            <th scope="col">{t('overview.col.termsEnding', { days: TERM_ENDING_DAYS })}</th>
          </tr>
        </thead>
        <tbody>
          {geography.tambonsOf(amphoeCode).map((tambon) => {
            const row = tambonCoverageOf(c, tambon.code);
            return (
              <tr key={tambon.code} className={row.centres === 0 ? 'no-centre' : undefined}>
                <th scope="row">
                  <a href={`#/roster/tambon/${tambon.code}`} onClick={(e) => (e.preventDefault(), openTambon(tambon.code))}>
                    {tambon.nameTh}
                  </a>{' '}
                  <span className="muted">{tambon.code}</span>
                </th>
                <td>{row.centres === 0 ? <span className="muted">{t('overview.coverage.noCentre')}</span> : t('overview.coverage.hasCentre')}</td>
                <td>{row.centres === 0 ? '' : row.completeCentres >= row.centres ? t('overview.coverage.committeeComplete') : <span className="warn">{t('overview.coverage.committeeIncomplete')}</span>}</td>
                <td>{row.members.toLocaleString('th-TH')}</td>
                <td className={row.termsEndingSoon > 0 ? 'warn' : undefined}>{row.termsEndingSoon.toLocaleString('th-TH')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
