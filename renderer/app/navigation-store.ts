import { create } from 'zustand';

export const ROUTES = ['dashboard', 'news', 'calendar', 'roster', 'reports', 'sync', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

interface Location {
  route: Route;
  /** Segments after the screen, e.g. ['edit', '<id>'] for #/news/edit/<id>. */
  path: string[];
}

export function parseHash(hash: string): Location {
  const [name = '', ...path] = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return (ROUTES as readonly string[]).includes(name) ? { route: name as Route, path } : { route: 'dashboard', path: [] };
}

export function hashOf(route: Route, path: string[] = []): string {
  return `#/${[route, ...path].map(encodeURIComponent).join('/')}`;
}

interface NavigationState extends Location {
  navigate(route: Route, ...path: string[]): void;
}

/** The current screen, mirrored in location.hash so a reload stays where the user was. */
export const useNavigation = create<NavigationState>((set) => ({
  ...parseHash(window.location.hash),
  navigate: (route, ...path) => {
    const hash = hashOf(route, path);
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ route, path });
  },
}));

window.addEventListener('hashchange', () => useNavigation.setState(parseHash(window.location.hash)));
