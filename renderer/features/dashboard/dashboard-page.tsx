import { useLiveQuery } from 'dexie-react-hooks';
import { useDeskData } from '../../app/desk-data-context';
import { useNavigation, type Route } from '../../app/navigation-store';
import { useTranslate } from '../../app/use-translate';
import type { MessageKey } from '../../app/i18n/translate';
import { LoadSampleButton } from '../sample-data/load-sample-button';

export function DashboardPage() {
  const t = useTranslate();
  const { db } = useDeskData();
  const navigate = useNavigation((s) => s.navigate);
  const counts = useLiveQuery(
    async () => ({
      news: await db.news.filter((r) => !r.deleted).count(),
      events: await db.events.filter((r) => !r.deleted).count(),
      centres: await db.centres.filter((r) => !r.deleted).count(),
      members: await db.members.filter((r) => !r.deleted).count(),
    }),
    [db],
  );
  const tiles: { key: keyof NonNullable<typeof counts>; route: Route }[] = [
    { key: 'news', route: 'news' },
    { key: 'events', route: 'calendar' },
    { key: 'centres', route: 'roster' },
    { key: 'members', route: 'roster' },
  ];
  const empty = counts !== undefined && Object.values(counts).every((n) => n === 0);

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.welcome')}</h1>
      <p className="lead">{t('dashboard.intro')}</p>
      {empty ? (
        <div className="empty-state">
          <p>{t('dashboard.empty')}</p>
          <LoadSampleButton />
        </div>
      ) : (
        <ul className="tiles" aria-label={t('dashboard.title')}>
          {tiles.map((tile) => (
            <li key={tile.key}>
              <button type="button" className="tile" onClick={() => navigate(tile.route)}>
                <span className="tile-count">{counts ? counts[tile.key].toLocaleString('th-TH') : '…'}</span>
                <span className="tile-label">{t(`dashboard.counts.${tile.key}` as MessageKey)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
