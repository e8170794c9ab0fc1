import type { Amphoe, ThaiAmphoes } from '../../../shared/geography/thai-geography';
import { TERM_ENDING_DAYS } from '../../../shared/roster/committee-status';
import { useNavigation } from '../../app/navigation-store';
import { useTranslate } from '../../app/use-translate';
import type { AmphoeCoverage } from '../../db/overview/coverage';
import { ChartTable } from './chart-figure';

/** One amphoe's bar: tambons with a complete committee, with a centre whose committee is not complete, without a centre. */
export interface AmphoeBar {
  amphoe: Amphoe;
  tambons: number;
  complete: number;
  incomplete: number;
  none: number;
  coverage: AmphoeCoverage | undefined;
}

export function amphoeBars(geography: ThaiAmphoes, provinceCode: string, districtCode: string | null, coverage: ReadonlyMap<string, AmphoeCoverage>): AmphoeBar[] {
  const amphoes = districtCode ? [geography.amphoe(districtCode)].filter((a): a is Amphoe => a !== undefined) : geography.amphoesOf(provinceCode);
  return amphoes.map((amphoe) => {
    const c = coverage.get(amphoe.code);
    const tambons = geography.tambonCountOf(amphoe.code);
    const completeTambons = c ? [...c.tambons.values()].filter((t) => t.completeCentres > 0).length : 0;
    const withCentre = c?.tambonsWithCentre ?? 0;
    return { amphoe, tambons, complete: completeTambons, incomplete: withCentre - completeTambons, none: Math.max(0, tambons - withCentre), coverage: c };
  });
}

const pct = (n: number, of: number) => `${of === 0 ? 0 : (n / of) * 100}%`;

/** ศส.ปชต. coverage: a compact bar per amphoe, each a link down to its tambons, and the same numbers as a table. */
export function CoverageSection({ bars }: { bars: readonly AmphoeBar[] }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const open = (code: string) => navigate('dashboard', 'amphoe', code);
  const link = (code: string, text: string | number) => (
    <a href={`#/dashboard/amphoe/${code}`} onClick={(e) => (e.preventDefault(), open(code))}>
      {typeof text === 'number' ? text.toLocaleString('th-TH') : text}
    </a>
  );

  return (
    <>
      <ul className="coverage-legend" aria-hidden="true">
        <li>
          <span className="swatch coverage-complete" /> {t('overview.coverage.complete')}
        </li>
        <li>
          <span className="swatch coverage-incomplete" /> {t('overview.coverage.incomplete')}
        </li>
        <li>
          <span className="swatch coverage-none" /> {t('overview.coverage.none')}
        </li>
      </ul>
      <ul className="coverage-bars" data-testid="coverage-bars">
        {bars.map((b) => {
          const c = b.coverage;
          const incompleteCentres = (c?.centres ?? 0) - (c?.completeCentres ?? 0);
          return (
            <li key={b.amphoe.code}>
              <a className="coverage-name" href={`#/dashboard/amphoe/${b.amphoe.code}`} onClick={(e) => (e.preventDefault(), open(b.amphoe.code))}>
                {b.amphoe.nameTh}
              </a>
              <span className="coverage-bar" role="img" aria-label={t('overview.coverage.barLabel', { name: b.amphoe.nameTh, with: b.complete + b.incomplete, tambons: b.tambons })}>
                <span className="coverage-complete" style={{ width: pct(b.complete, b.tambons) }} />
                <span className="coverage-incomplete" style={{ width: pct(b.incomplete, b.tambons) }} />
                <span className="coverage-none" style={{ width: pct(b.none, b.tambons) }} />
              </span>
              <span className="coverage-figures">
                {t('overview.coverage.figures', { with: b.complete + b.incomplete, tambons: b.tambons })}
                {incompleteCentres > 0 && <span className="warn"> · {t('overview.coverage.incompleteCount', { count: incompleteCentres })}</span>}
                {(c?.termsEndingSoon ?? 0) > 0 && <span className="warn"> · {t('overview.coverage.endingCount', { count: c!.termsEndingSoon, days: TERM_ENDING_DAYS })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <ChartTable summary={t('overview.tableView')}>
        <table className="overview-table" data-testid="coverage-table">
          <thead>
            <tr>
              <th scope="col">{t('overview.col.amphoe')}</th>
              <th scope="col">{t('overview.col.tambons')}</th>
              <th scope="col">{t('overview.col.withCentre')}</th>
              <th scope="col">{t('overview.col.withoutCentre')}</th>
              <th scope="col">{t('overview.col.incomplete')}</th>
              <th scope="col">{t('overview.col.termsEnding', { days: TERM_ENDING_DAYS })}</th>
              <th scope="col">{t('overview.col.members')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.amphoe.code}>
                <th scope="row">
                  {link(b.amphoe.code, b.amphoe.nameTh)} <span className="muted">{b.amphoe.code}</span>
                </th>
                <td>{link(b.amphoe.code, b.tambons)}</td>
                <td>{link(b.amphoe.code, b.complete + b.incomplete)}</td>
                <td>{link(b.amphoe.code, b.none)}</td>
                <td>{link(b.amphoe.code, (b.coverage?.centres ?? 0) - (b.coverage?.completeCentres ?? 0))}</td>
                <td>{link(b.amphoe.code, b.coverage?.termsEndingSoon ?? 0)}</td>
                <td>{link(b.amphoe.code, b.coverage?.members ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </>
  );
}
