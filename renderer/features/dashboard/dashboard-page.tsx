import './dashboard.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { loadThaiAmphoes } from '../../../shared/geography/thai-geography';
import { localDateKey } from '../../../shared/calendar/calendar-dates';
import { fiscalYearOf } from '../../../shared/thai/fiscal-year';
import { currentTotalsGeneration, totalsGeneration } from '../../db/overview/totals-generation';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation } from '../../app/navigation-store';
import { useThaiAmphoes } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { markStart } from '../../app/start-marks';
import { applyRosterTestRole } from '../roster/roster-test-hook';
import { LoadSampleButton } from '../sample-data/load-sample-button';
import { AmphoeCoveragePage } from './amphoe-coverage-page';
import { amphoeBars, CoverageSection } from './coverage-section';
import { ActivityRecordsPage, NewsRecordsPage, ReachRecordsPage } from './records-pages';
import { ScopeLine } from './scope-line';
import { SinceLastVisit } from './since-last-visit';
import { useOverviewView } from './overview-view-store';
import { useOverviewRepository, useOverviewScope } from './use-overview';
import { WorkWaiting } from './work-waiting';
import { readFiguresSnapshot, writeFiguresSnapshot, type FiguresContext } from './figures-snapshot';

// The chart library is a seventh of the app's code: kept out of the first script, fetched as the app
// starts, beside the database opening, so the overview (the first screen) does not wait for it.
const chartsModule = import('./overview-charts');
const OverviewCharts = lazy(() => chartsModule);
// The coverage bars need the DOPA amphoe and their tambon counts (not the 1.6 MB of tambon): when the app
// opens on the overview, they load beside the database opening too, not after it.
if (useNavigation.getState().route === 'dashboard') void loadThaiAmphoes().catch(() => undefined);

/** หน้าแรก: the overview, and the records behind its figures (#/dashboard/amphoe/…, /activities/…, /reach/…, /news/…). */
export function DashboardPage() {
  const path = useNavigation((s) => s.path);
  // The browser shell's test hook (?testRole=officer&testDistrict=5701), as the roster has it.
  useEffect(applyRosterTestRole, []);
  const [view = '', a = '', b = 'all', c] = path;
  if (view === 'amphoe' && a) return <AmphoeCoveragePage amphoeCode={a} />;
  if (view === 'activities' && a) return <ActivityRecordsPage fiscalYear={Number(a)} month={b} type={c ?? 'all'} />;
  if (view === 'reach' && a) return <ReachRecordsPage fiscalYear={Number(a)} group={path[2] ?? ''} />;
  if (view === 'news' && a) return <NewsRecordsPage fiscalYear={Number(a)} month={b} category={c} />;
  return <OverviewPage />;
}

function OverviewPage() {
  const t = useTranslate();
  const { db } = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const empty = useLiveQuery(async () => (await db.overviewTotals.count()) === 0, [db]);

  return (
    <section aria-labelledby="dashboard-title" className="overview">
      {empty ? (
        // A device with nothing on it yet: the welcome, then the overview as it will fill.
        <>
          <h1 id="dashboard-title">{t('dashboard.welcome')}</h1>
          <p className="lead">{t('dashboard.intro')}</p>
          <div className="empty-state">
            <p>{t('dashboard.empty')}</p>
            <LoadSampleButton />
          </div>
        </>
      ) : (
        <div className="overview-head">
          <h1 id="dashboard-title">{t('overview.title')}</h1>
          <a className="button secondary" href="#/reports" onClick={(e) => (e.preventDefault(), navigate('reports'))}>
            {t('overview.makeReport')}
          </a>
        </div>
      )}
      <ScopeLine />
      <div className="overview-panels">
        <section className="overview-panel" aria-labelledby="since-title">
          <h2 id="since-title">{t('overview.since.title')}</h2>
          <SinceLastVisit />
        </section>
        <section className="overview-panel" aria-labelledby="work-title">
          <h2 id="work-title">{t('overview.work.title')}</h2>
          <WorkWaiting />
        </section>
      </div>
      <Figures />
    </section>
  );
}

/** Coverage and the fiscal year's charts: what the first paint of the overview is measured by. */
function Figures() {
  const t = useTranslate();
  const geography = useThaiAmphoes();
  const overview = useOverviewRepository();
  const { scope } = useOverviewScope();
  const chosen = useOverviewView((s) => s.fiscalYear);
  const setFiscalYear = useOverviewView((s) => s.setFiscalYear);

  // The figures as last counted are painted at once while the totals are unchanged since (figures-snapshot.ts);
  // the count itself follows and is kept for the next start.
  const { db, identity } = useDeskData();
  const context = useMemo<FiguresContext>(() => ({ databaseName: db.name, nodeId: identity.nodeId, scope, chosenFiscalYear: chosen, day: localDateKey(new Date()) }), [db, identity, scope, chosen]);
  const saved = useMemo(() => readFiguresSnapshot(context, totalsGeneration(context.databaseName)), [context]);
  // With figures from the last count on the screen, the count (the same numbers, read again) waits for their
  // first frame: its 93 totals rows would otherwise be read and counted in that frame's time.
  const savedPainted = useAfterPaint(saved !== null && geography !== null);
  const countNow = saved === null || savedPainted;
  const counted = useLiveQuery(async () => {
    if (!countNow) return undefined;
    const generation = currentTotalsGeneration(context.databaseName);
    return { figures: await overview.figures(context.scope, context.chosenFiscalYear), generation, context };
  }, [overview, context, countNow]);
  useEffect(() => {
    if (counted) writeFiguresSnapshot(counted.context, counted.generation, counted.figures);
  }, [counted]);
  const figures = counted?.figures ?? saved ?? undefined;
  const loaded = geography !== null && figures !== undefined;
  // The charts (below the first screenful) are drawn once the figures above them are on the screen: drawn in
  // the same frame, their bars held the coverage and the totals back.
  const chartsNow = useAfterPaint(loaded);
  if (figures !== undefined) markStart('overview-figures-read');
  if (geography !== null) markStart('overview-amphoes-loaded');
  const current = fiscalYearOf(new Date());
  const fiscalYear = figures?.fiscalYear ?? chosen ?? current;
  const options = [...new Set([current, fiscalYear, ...(figures?.years ?? [])])].sort((x, y) => y - x);
  return (
    <div className="overview-figures" data-testid="overview-figures" data-loaded={loaded}>
      <section aria-labelledby="coverage-title">
        <h2 id="coverage-title">{t('overview.coverage.title')}</h2>
        {loaded ? <CoverageSection bars={amphoeBars(geography, scope.provinceCode, scope.districtCode, figures.coverage)} /> : <p>{t('common.loading')}</p>}
      </section>
      <section aria-labelledby="activity-title">
        <div className="overview-head">
          <h2 id="activity-title">{t('overview.activity.title')}</h2>
          <label className="overview-year">
            {t('overview.fiscalYearLabel')}{' '}
            <select value={fiscalYear} onChange={(e) => setFiscalYear(Number(e.target.value))} data-testid="fiscal-year">
              {options.map((fy) => (
                <option key={fy} value={fy}>
                  {fy}
                </option>
              ))}
            </select>
          </label>
        </div>
        {loaded ? (
          <>
            <p className="overview-totals" data-testid="activity-totals">
              {t('overview.activity.totals', { activities: figures.activities.total, expected: figures.activities.reachTotal.expected, actual: figures.activities.reachTotal.actual, news: figures.news.total })}
            </p>
            {chartsNow ? (
              <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
                <OverviewCharts fiscalYear={fiscalYear} activities={figures.activities} news={figures.news} />
              </Suspense>
            ) : (
              <p className="muted">{t('common.loading')}</p>
            )}
          </>
        ) : (
          <p>{t('common.loading')}</p>
        )}
      </section>
    </div>
  );
}

/** False until the frame after `ready` became true has been painted. */
function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer = 0;
    // A task queued from a frame callback runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
