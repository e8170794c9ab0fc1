import type { ActivitySummary } from '../../db/overview/activity-summary';
import type { NewsSummary } from '../../db/overview/overview-repository';
import { ActivitiesPerMonthChart, NewsPerMonthChart, ReachByGroupChart } from './activity-charts';

/** The fiscal year's three charts (a module of its own: loaded lazily with the chart library). */
export default function OverviewCharts({ fiscalYear, activities, news }: { fiscalYear: number; activities: ActivitySummary; news: NewsSummary }) {
  return (
    <div className="overview-charts" data-testid="overview-charts">
      <ActivitiesPerMonthChart fiscalYear={fiscalYear} summary={activities} />
      <NewsPerMonthChart fiscalYear={fiscalYear} summary={news} />
      <ReachByGroupChart fiscalYear={fiscalYear} summary={activities} />
    </div>
  );
}
