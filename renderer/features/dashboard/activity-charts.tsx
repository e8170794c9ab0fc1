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

interface MonthSeries {
  key: string;
  name: string;
  colour: string;
}

/**
 * A fiscal year month by month, stacked by series (activity types, news categories): the chart, and the
 * table of the same numbers; a bar or a number opens the records of its month and series, a month's
 * total those of the month.
 */
function MonthlyChart(props: {
  id: string;
  title: string;
  summary: string;
  empty: string | null;
  months: readonly string[];
  series: readonly MonthSeries[];
  value: (month: string, series: string) => number;
  onOpen: (month: string, series?: string) => void;
}) {
  const t = useTranslate();
  const label = useMonthLabel();
  const { months, series, value, onOpen } = props;
  const rows = months.map((month) => ({ month, label: label(month), values: Object.fromEntries(series.map((s) => [s.key, value(month, s.key)])) as Record<string, number> }));
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={props.summary}
      table={
        <ChartTable summary={t('overview.tableView')}>
          <table className="overview-table">
            <thead>
              <tr>
                <th scope="col">{t('overview.col.month')}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.name}
                  </th>
                ))}
                <th scope="col">{t('overview.col.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{formatMonthKey(row.month)}</th>
                  {series.map((s) => (
                    <td key={s.key}>
                      <FigureLink count={row.values[s.key]!} onOpen={() => onOpen(row.month, s.key)} />
                    </td>
                  ))}
                  <td>
                    <FigureLink count={Object.values(row.values).reduce((sum, v) => sum + v, 0)} onOpen={() => onOpen(row.month)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartTable>
      }
    >
      {props.empty !== null ? (
        <p className="muted chart-empty">{props.empty}</p>
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 13 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 13 }} />
            <Tooltip />
            {series.length > 1 && <Legend wrapperStyle={{ fontSize: 13 }} />}
            {series.map((s) => (
              <Bar
                key={s.key}
                // A function, not the key: a news category may hold a dot ("ศส.ปชต."), which Recharts reads as a path.
                dataKey={(row: { values: Record<string, number> }) => row.values[s.key] ?? 0}
                name={s.name}
                stackId="series"
                fill={s.colour}
                cursor="pointer"
                onClick={(bar) => onOpen((bar.payload as { month: string }).month, s.key)}
                {...STILL}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

/** กิจกรรมรายเดือน: activities per month of the fiscal year, stacked by type. */
export function ActivitiesPerMonthChart({ fiscalYear, summary }: { fiscalYear: number; summary: ActivitySummary }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const series = ACTIVITY_TYPES.filter((type) => summary.byType[type] > 0).map((type) => ({ key: type, name: t(`calendar.type.${type}` as MessageKey), colour: themeColour(`--activity-${type}`, '#233a7a') }));
  return (
    <MonthlyChart
      id="chart-activities"
      title={t('overview.chart.activities', { year: String(fiscalYear) })}
      summary={t('overview.chart.activitiesSummary', { year: String(fiscalYear), count: summary.total })}
      empty={summary.total === 0 ? t('overview.chart.noActivities') : null}
      months={summary.months}
      series={series}
      value={(month, type) => summary.byMonth[month]?.[type as ActivityType] ?? 0}
      onOpen={(month, type) => navigate('dashboard', 'activities', String(fiscalYear), month, type ?? 'all')}
    />
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
  return (
    <MonthlyChart
      id="chart-news"
      title={t('overview.chart.news', { year: String(fiscalYear) })}
      summary={t('overview.chart.newsSummary', { year: String(fiscalYear), count: summary.total })}
      empty={summary.total === 0 ? t('overview.chart.noNews') : null}
      months={summary.months}
      series={summary.categories.map((c, i) => ({ key: c, name: c, colour: NEWS_COLOURS[i % NEWS_COLOURS.length]! }))}
      value={(month, category) => summary.byMonth[month]?.[category] ?? 0}
      onOpen={(month, category) => navigate('dashboard', 'news', String(fiscalYear), month, ...(category ? [category] : []))}
    />
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
