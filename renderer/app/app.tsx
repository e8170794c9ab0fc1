import { useEffect, type ReactNode } from 'react';
import { CalendarPage } from '../features/calendar/calendar-page';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { NewsPage } from '../features/news/news-page';
import { RosterPage } from '../features/roster/roster-page';
import { SettingsPage } from '../features/settings/settings-page';
import { SyncPage } from '../features/sync/sync-page';
import { ROUTES, useNavigation, type Route } from './navigation-store';
import { NavBar } from './shell/nav-bar';
import { NoticeArea } from './shell/notice-area';
import { StatusBar } from './shell/status-bar';
import { useTranslate } from './use-translate';

const PAGES: Record<Route, () => ReactNode> = {
  dashboard: () => <DashboardPage />,
  news: () => <NewsPage />,
  calendar: () => <CalendarPage />,
  roster: () => <RosterPage />,
  sync: () => <SyncPage />,
  settings: () => <SettingsPage />,
};

export function App() {
  const t = useTranslate();
  const route = useNavigation((s) => s.route);
  useAltNumberShortcuts();

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <NavBar />
      <main id="main" className="page" tabIndex={-1} aria-live="polite">
        {PAGES[route]()}
      </main>
      <NoticeArea />
      <StatusBar />
    </div>
  );
}

/** Alt+1 … Alt+6 jump between the main screens, as the nav shows. */
function useAltNumberShortcuts(): void {
  const navigate = useNavigation((s) => s.navigate);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const route = ROUTES[Number(e.key) - 1];
      if (route) {
        e.preventDefault();
        navigate(route);
        document.getElementById('main')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}
