import { useNavigation } from '../navigation-store';
import { loadScreen } from './screen-modules';

/**
 * The first screen's chunk, requested as soon as the first script runs: main.tsx imports this module
 * before anything else, so the request leaves before the rest of the app's code is evaluated and
 * arrives beside the keys and the database opening. A failed fetch is shown by the screen outlet.
 */
export const firstScreen = loadScreen(useNavigation.getState().route).catch(() => undefined);
