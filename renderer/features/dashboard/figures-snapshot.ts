// The overview's figures as last counted, kept to be painted at once on the next start (stale-while-revalidate,
// without the stale): they are shown only while the totals are as they were when counted (the totals mark of
// db/overview/totals-generation.ts is the same), for the same database and device, scope, chosen year and day —
// otherwise the screen waits for the count as before. The live count then replaces them (the same numbers).
// Counts only, nothing personal: the number of people per amphoe and tambon, activities and news per month.
import type { OverviewFigures, OverviewScope } from '../../db/overview/overview-repository';
import { browserStorage } from '../../db/browser-storage';

const KEY_PREFIX = 'provincedesk.overviewFigures:';

export interface FiguresContext {
  databaseName: string;
  nodeId: string;
  scope: OverviewScope;
  chosenFiscalYear: number | null;
  /** The local day: terms ending soon and the current fiscal year move with it. */
  day: string;
}

interface Stored {
  generation: string;
  context: string;
  figures: unknown;
}

/** Raised whenever OverviewFigures changes shape: a snapshot of another shape is never shown. */
const SHAPE = 1;

const contextKey = (c: FiguresContext) => JSON.stringify([SHAPE, c.nodeId, c.scope.provinceCode, c.scope.districtCode, c.chosenFiscalYear, c.day]);

// Maps (the coverage by amphoe and tambon) travel as tagged entry lists.
const replacer = (_key: string, value: unknown) => (value instanceof Map ? { $map: [...(value as Map<unknown, unknown>)] } : value);
const reviver = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && Array.isArray((value as { $map?: unknown }).$map) ? new Map((value as { $map: [unknown, unknown][] }).$map) : value;

/** The figures counted at `generation` for this context, or null when they may be out of date. */
export function readFiguresSnapshot(context: FiguresContext, generation: string | null): OverviewFigures | null {
  const raw = generation === null ? null : (browserStorage()?.getItem(KEY_PREFIX + context.databaseName) ?? null);
  if (raw === null) return null;
  try {
    const stored = JSON.parse(raw, reviver) as Stored;
    return stored.generation === generation && stored.context === contextKey(context) ? (stored.figures as OverviewFigures) : null;
  } catch {
    return null;
  }
}

/** Keeps figures counted at `generation` (read before the count began: a write since makes them not shown). */
export function writeFiguresSnapshot(context: FiguresContext, generation: string | null, figures: OverviewFigures): void {
  const store = browserStorage();
  if (!store) return;
  if (generation === null) return void store.removeItem(KEY_PREFIX + context.databaseName);
  try {
    store.setItem(KEY_PREFIX + context.databaseName, JSON.stringify({ generation, context: contextKey(context), figures } satisfies Stored, replacer));
  } catch {
    store.removeItem(KEY_PREFIX + context.databaseName);
  }
}
