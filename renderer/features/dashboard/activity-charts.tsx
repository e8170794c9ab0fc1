// The overview's charts, drawn by Recharts (SVG: its text is the page's own, in Sarabun, crisp on
// paper and in print-to-PDF; see docs/architecture.md for why this library). Each bar is a link down to
// the records it counts, and each chart has the same numbers as a table.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ACTIVITY_TYPES, type ActivityType } from '../../../shared/domain/calendar-event';
import { formatMonthKey } from '../../../shared/thai/fiscal-year';
import { useNavigation } from '../../app/navigation-store';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import type { ActivitySummary } from '../../db/overview/activity-summary';
import type { NewsSummary } from '../../db/overview/overview-repository';
import { ChartFigure, ChartTable, themeColour } from './chart-figure';

const CHART_HEIGHT = 260;
const NEWS_COLOURS = ['#233a7a', '#c8962e', '#1f7a4d', '#b3261e', '#5b4a9e', '#0b6e79', '#5b6476'];
const n = (value: number) => value.toLocaleString('th-TH');
// Animations would only delay the first paint of figures that are already known.
const STILL = { isAnimationActive: false } as const;

function useMonthLabel(): (key: string) => string {
  const era = useSession((s) => s.settings.era);
  return (key) => formatMonthKey(key, { era, short: true });
}

/** กิจกรรมรายเดือน: activities per month of the fiscal year, stacked by type. */
export function ActivitiesPerMonthChart({ fiscalYear, summary }: { fiscalYear: number; summary: ActivitySummary }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const label = useMonthLabel();
  const types = ACTIVITY_TYPES.filter((type) => summary.byType[type] > 0);
  const rows = summary.months.map((month) => ({ month, label: label(month), ...summary.byMonth[month] }));
  const open = (month: string, type: ActivityType | 'all') => navigate('dashboard', 'activities', String(fiscalYear), month, type);
  const typeName = (type: ActivityType) => t(`calendar.type.${type}` as MessageKey);

  return (
    <ChartFigure
      id="chart-activities"
      title={t('overview.chart.activities', { year: String(fiscalYear) })}
      summary={t('overview.chart.activitiesSummary', { year: String(fiscalYear), count: summary.total })}
      table={
        <ChartTable summary={t('overview.tableView')}>
          <table className="overview-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.col.month')}</th>
                {types.map((type) => (
                  <th key={type} scope="col">
                    {typeName(type)}
                  </th>
                ))}
                <th scope="col">{t('overview.col.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const total = types.reduce((s, type) => s + summary.byMonth[row.month]![type], 0);
                return (
                  <tr key={row.month}>
                    <th scope="row">{formatMonthKey(row.month)}</th>
                    {types.map((type) => (
                      <td key={type}>
                        <FigureLink count={summary.byMonth[row.month]![type]} onOpen={() => open(row.month, type)} />
                      </td>
                    ))}
                    <td>
                      <FigureLink count={total} onOpen={() => open(row.month, 'all')} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ChartTable>
      }
    >
      {summary.total === 0 ? (
        <p className="muted chart-empty">{t('overview.chart.noActivities')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 13 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 13 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            {types.map((type) => (
              <Bar
                key={type}
                dataKey={type}
                name={typeName(type)}
                stackId="types"
                fill={themeColour(`--activity-${type}`, '#233a7a')}
                cursor="pointer"
                onClick={(bar) => open((bar.payload as { month: string }).month, type)}
                {...STILL}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

/** ผู้เข้าร่วมตามกลุ่ม: people expected and reached, by group, over the fiscal year. */
export function ReachByGroupChart({ fiscalYear, summary }: { fiscalYear: number; summary: ActivitySummary }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const rows = [...summary.reach].sort((a, b) => b.expected + b.actual - (a.expected + a.actual)).slice(0, 12);
  const open = (group: string) => navigate('dashboard', 'reach', String(fiscalYear), group);
  const short = (text: string) => (text.length > 34 ? `${text.slice(0, 33)}…` : text);

  return (
    <ChartFigure
      id="chart-reach"
      title={t('overview.chart.reach', { year: String(fiscalYear) })}
      summary={t('overview.chart.reachSummary', { expected: summary.reachTotal.expected, actual: summary.reachTotal.actual })}
      table={
        <ChartTable summary={t('overview.tableView')}>
          <table className="overview-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.col.group')}</th>
                <th scope="col">{t('overview.col.expected')}</th>
                <th scope="col">{t('overview.col.actual')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.reach.map((g) => (
                <tr key={g.group}>
                  <th scope="row">{g.group || t('overview.noGroup')}</th>
                  <td>
                    <FigureLink count={g.expected} onOpen={() => open(g.group)} />
                  </td>
                  <td>
                    <FigureLink count={g.actual} onOpen={() => open(g.group)} />
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('overview.col.total')}</th>
                <td>{n(summary.reachTotal.expected)}</td>
                <td>{n(summary.reachTotal.actual)}</td>
              </tr>
            </tbody>
          </table>
        </ChartTable>
      }
    >
      {rows.length === 0 ? (
        <p className="muted chart-empty">{t('overview.chart.noReach')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(120, 36 * rows.length + 60)}>
          <BarChart data={rows.map((r) => ({ ...r, label: short(r.group || t('overview.noGroup')) }))} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 13 }} />
            <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 13 }} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="expected" name={t('overview.col.expected')} fill="#9fb0d8" cursor="pointer" onClick={(bar) => open((bar.payload as { group: string }).group)} {...STILL} />
            <Bar dataKey="actual" name={t('overview.col.actual')} fill="#233a7a" cursor="pointer" onClick={(bar) => open((bar.payload as { group: string }).group)} {...STILL} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

/** ข่าวที่เผยแพร่รายเดือน: news published per month of the fiscal year, by category. */
export function NewsPerMonthChart({ fiscalYear, summary }: { fiscalYear: number; summary: NewsSummary }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const label = useMonthLabel();
  const rows = summary.months.map((month) => ({ month, label: label(month), counts: summary.byMonth[month] ?? {} }));
  const open = (month: string, category?: string) => navigate('dashboard', 'news', String(fiscalYear), month, ...(category ? [category] : []));
  const monthTotal = (month: string) => Object.values(summary.byMonth[month] ?? {}).reduce((s, v) => s + v, 0);

  return (
    <ChartFigure
      id="chart-news"
      title={t('overview.chart.news', { year: String(fiscalYear) })}
      summary={t('overview.chart.newsSummary', { year: String(fiscalYear), count: summary.total })}
      table={
        <ChartTable summary={t('overview.tableView')}>
          <table className="overview-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.col.month')}</th>
                {summary.categories.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
                <th scope="col">{t('overview.col.total')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.months.map((month) => (
                <tr key={month}>
                  <th scope="row">{formatMonthKey(month)}</th>
                  {summary.categories.map((c) => (
                    <td key={c}>
                      <FigureLink count={summary.byMonth[month]?.[c] ?? 0} onOpen={() => open(month, c)} />
                    </td>
                  ))}
                  <td>
                    <FigureLink count={monthTotal(month)} onOpen={() => open(month)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartTable>
      }
    >
      {summary.total === 0 ? (
        <p className="muted chart-empty">{t('overview.chart.noNews')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 13 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 13 }} />
            <Tooltip />
            {summary.categories.length > 1 && <Legend wrapperStyle={{ fontSize: 13 }} />}
            {summary.categories.map((c, i) => (
              // A function, not the name: a category may hold a dot ("ศส.ปชต."), which Recharts reads as a path.
              <Bar key={c} dataKey={(row: { counts: Record<string, number> }) => row.counts[c] ?? 0} name={c} stackId="categories" fill={NEWS_COLOURS[i % NEWS_COLOURS.length]} cursor="pointer" onClick={(bar) => open((bar.payload as { month: string }).month, c)} {...STILL} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

/** A number in a table view: a link to the records behind it (a zero is just a zero). */
export function FigureLink({ count, onOpen }: { count: number; onOpen: () => void }) {
  if (count === 0) return <span className="muted">0</span>;
  return (
    <a
      href="#/"
      onClick={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      {n(count)}
    </a>
  );
}
