import type { ComponentType } from 'react';
import type { Route } from '../navigation-store';
import { afterStart, whenIdle } from '../after-start';

/**
 * One chunk per screen (issue 13): the first script carries the shell only, and each screen's code
 * is fetched when it is first shown. Vite turns each import() into its own chunk and preloads the
 * chunks it shares with others beside it, so a screen's pieces arrive together, not one after another.
 */
const SCREEN_IMPORTS: Record<Route, () => Promise<ComponentType>> = {
  dashboard: () => import('../../features/dashboard/dashboard-page').then((m) => m.DashboardPage),
  news: () => import('../../features/news/news-page').then((m) => m.NewsPage),
  calendar: () => import('../../features/calendar/calendar-page').then((m) => m.CalendarPage),
  roster: () => import('../../features/roster/roster-page').then((m) => m.RosterPage),
  reports: () => import('../../features/reports/reports-page').then((m) => m.ReportsPage),
  sync: () => import('../../features/sync/sync-page').then((m) => m.SyncPage),
  settings: () => import('../../features/settings/settings-page').then((m) => m.SettingsPage),
};

const loading = new Map<Route, Promise<ComponentType>>();
const loaded = new Map<Route, ComponentType>();

/** The screen's component once its chunk has arrived (rendered at once, without a loading frame). */
export function loadedScreen(route: Route): ComponentType | undefined {
  return loaded.get(route);
}

/** Fetches a screen's chunk once; a failed fetch (offline without the chunk, an update) may be tried again. */
export function loadScreen(route: Route): Promise<ComponentType> {
  let pending = loading.get(route);
  if (!pending) {
    pending = SCREEN_IMPORTS[route]().then((screen) => {
      loaded.set(route, screen);
      return screen;
    });
    pending.catch(() => loading.delete(route));
    loading.set(route, pending);
  }
  return pending;
}

// Not at once (after-start.ts): a while after the start, and only when the window is really idle.
const PREFETCH_AFTER_MS = 5000;

/**
 * A while after the first screen is up, the other screens' chunks are fetched one by one when the window has
 * nothing to do, so a later switch is instant.
 */
export function prefetchOtherScreens(first: Route, routes: readonly Route[]): () => void {
  const queue = routes.filter((r) => r !== first);
  let cancelled = false;
  const next = () => {
    const route = queue.shift();
    if (cancelled || !route) return;
    loadScreen(route).then(
      () => whenIdle(next),
      () => whenIdle(next),
    );
  };
  const cancelStart = afterStart(PREFETCH_AFTER_MS, next);
  return () => {
    cancelled = true;
    cancelStart();
  };
}
