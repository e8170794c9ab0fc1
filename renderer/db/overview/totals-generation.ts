// A mark that changes whenever the overview totals change, kept outside IndexedDB (localStorage, read
// synchronously at start): the overview's last figures, saved with the mark they were counted at, may be shown
// at once on the next start only while the mark is still the same (features/dashboard/figures-snapshot.ts).
// Set by a DBCore middleware under the totals middleware, so every write to db.overviewTotals passes it: the
// totals kept in step with a write, a rebuild, a restore, a schema upgrade. It changes before the write
// commits: a count read after it sees the write (or an aborted one's unchanged data).
import type { DBCore, Middleware } from 'dexie';
import { TOTALS_TABLE } from './overview-facts';
import { browserStorage } from '../browser-storage';

const KEY_PREFIX = 'provincedesk.totalsGeneration:';

/** The mark of a database's totals now (null: never marked, or no localStorage here). */
export function totalsGeneration(databaseName: string): string | null {
  return browserStorage()?.getItem(KEY_PREFIX + databaseName) ?? null;
}

/** The mark now, made first if there is none yet (a database from before the marks): a count to be kept needs one. */
export function currentTotalsGeneration(databaseName: string): string | null {
  if (totalsGeneration(databaseName) === null) markTotalsChanged(databaseName);
  return totalsGeneration(databaseName);
}

/** A new mark: any figures counted before it are out of date. */
export function markTotalsChanged(databaseName: string): void {
  const next = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
  try {
    browserStorage()?.setItem(KEY_PREFIX + databaseName, next);
  } catch {
    // A full or missing localStorage: then no figures are shown from a snapshot (none validates).
    browserStorage()?.removeItem(KEY_PREFIX + databaseName);
  }
}

export function totalsGenerationMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'OverviewTotalsGeneration',
    // Under the totals middleware (-0.5), which writes the totals through the layers below it.
    level: -1,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== TOTALS_TABLE) return table;
          return {
            ...table,
            mutate(req) {
              markTotalsChanged(down.schema.name);
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
