// The overview's figures shown at start from the last count only while they are still right: same totals (no
// write since, whatever wrote them), same device, scope, chosen year and day.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDeskData, type DeskData } from '../../db/desk-data';
import { OverviewRepository } from '../../db/overview/overview-repository';
import { rebuildOverviewTotals } from '../../db/overview/overview-totals-rebuild';
import { centreRecord, memberRecord } from '../../db/overview/test-support/overview-records';
import { currentTotalsGeneration, totalsGeneration } from '../../db/overview/totals-generation';
import { createTestDatabase } from '../../db/test-database';
import { readFiguresSnapshot, writeFiguresSnapshot, type FiguresContext } from './figures-snapshot';

/** localStorage as a browser has it (vitest runs in Node). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

let data: DeskData;
let context: FiguresContext;
const PROVINCE = { provinceCode: '57', districtCode: null };
const TODAY = new Date(2026, 11, 4);

beforeEach(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  data = await openDeskData(createTestDatabase());
  context = { databaseName: data.db.name, nodeId: data.identity.nodeId, scope: PROVINCE, chosenFiscalYear: null, day: '2026-12-04' };
  const centre = centreRecord({ tambonCode: '570101' });
  await data.writer.create('centres', centre);
  await data.writer.createMany('members', [memberRecord({ tambonCode: '570101', centreId: centre.id, role: 'ประธาน' }), memberRecord({ tambonCode: '570101', centreId: centre.id })]);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function countAndKeep(): Promise<void> {
  const generation = currentTotalsGeneration(context.databaseName);
  writeFiguresSnapshot(context, generation, await new OverviewRepository(data.db).figures(PROVINCE, null, TODAY));
}

describe('the overview figures kept for the next start', () => {
  it('come back as counted, coverage maps and all, while nothing was written since', async () => {
    await countAndKeep();
    const counted = await new OverviewRepository(data.db).figures(PROVINCE, null, TODAY);
    const saved = readFiguresSnapshot(context, totalsGeneration(context.databaseName));
    expect(saved).toEqual(counted);
    expect(saved!.coverage.get('5701')!.tambons.get('570101')!.members).toBe(2);
  });

  it('are not shown after any write to the totals: an edit, a rebuild', async () => {
    await countAndKeep();
    await data.writer.create('members', memberRecord({ tambonCode: '570102' }));
    expect(readFiguresSnapshot(context, totalsGeneration(context.databaseName))).toBeNull();

    await countAndKeep();
    await data.db.transaction('rw', data.db.tables, () => rebuildOverviewTotals((name) => data.db.table(name)));
    expect(readFiguresSnapshot(context, totalsGeneration(context.databaseName))).toBeNull();
  });

  it('are not shown for another scope, year, day or device, nor once the mark is gone', async () => {
    await countAndKeep();
    const generation = totalsGeneration(context.databaseName);
    expect(readFiguresSnapshot(context, generation)).not.toBeNull();
    expect(readFiguresSnapshot({ ...context, scope: { provinceCode: '57', districtCode: '5701' } }, generation)).toBeNull();
    expect(readFiguresSnapshot({ ...context, chosenFiscalYear: 2566 }, generation)).toBeNull();
    expect(readFiguresSnapshot({ ...context, day: '2026-12-05' }, generation)).toBeNull();
    expect(readFiguresSnapshot({ ...context, nodeId: 'another-device' }, generation)).toBeNull();
    localStorage.clear();
    expect(readFiguresSnapshot(context, totalsGeneration(context.databaseName))).toBeNull();
  });
});
