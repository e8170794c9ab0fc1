// The import's reading and checking as the worker runs them: a real XLSX file, the real DOPA geography.
import { describe, expect, it } from 'vitest';
import { loadThaiGeography } from '../../../../shared/geography/thai-geography';
import { guessColumnMapping } from '../../../../shared/roster/roster-columns';
import { badRowsAt, peopleWorkbookBytes } from '../../../../tests/fixtures/roster-sheet';
import { withCells } from './import-sheet-client';
import { importSheetWork, type ImportSheetAnswer } from './import-sheet-work';
import { SPREADSHEET_MESSAGES } from './spreadsheet-reader';

const work = importSheetWork(loadThaiGeography);

function answerOf<K extends ImportSheetAnswer['kind']>(answer: ImportSheetAnswer, kind: K): ImportSheetAnswer & { kind: K } {
  if (answer.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(answer)}`);
  return answer as ImportSheetAnswer & { kind: K };
}

describe('the import worker’s work', () => {
  it('reads a sheet, then checks its rows; the rows come back without their cells, and get them again', async () => {
    const bytes = await peopleWorkbookBytes({ count: 40, bad: badRowsAt(40, ['bad-id', 'no-name']), titleRow: true });
    const { workbook } = answerOf(await work({ kind: 'read', bytes, fileName: 'ทำเนียบ.xlsx' }), 'read');
    const sheet = workbook.sheets[workbook.bestSheet]!;
    expect(sheet.rows).toHaveLength(40);

    const request = {
      kind: 'validate' as const,
      rows: sheet.rows,
      firstRowNumber: sheet.firstRowNumber,
      dateSystem: workbook.dateSystem,
      mapping: guessColumnMapping(sheet.headers, {}),
      provinceCode: '57',
      writableDistrict: null,
      existingNationalIds: new Set<string>(),
      existingNameKeys: new Set<string>(),
      placeChoices: new Map<string, string>(),
    };
    const { rows } = answerOf(await work(request), 'validate');
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => !('cells' in row))).toBe(true);
    expect(rows.filter((row) => row.issues.some((i) => i.severity === 'error')).map((row) => row.rowNumber - sheet.firstRowNumber)).toEqual([13, 26]);
    expect(rows.filter((row) => row.person).every((row) => row.person!.tambonCode.startsWith('57'))).toBe(true);

    const full = withCells(rows, sheet.rows, sheet.firstRowNumber);
    expect(full.map((row) => row.cells)).toEqual(sheet.rows);
  });

  it('prepares by loading the geography, before any file', async () => {
    let loads = 0;
    const counting = importSheetWork(() => {
      loads++;
      return loadThaiGeography();
    });
    expect(await counting({ kind: 'prepare' })).toEqual({ kind: 'prepare' });
    expect(loads).toBe(1);
  });

  it('says in Thai what is wrong with a file it cannot read, as the file’s problem', async () => {
    expect(await work({ kind: 'read', bytes: new Uint8Array(), fileName: 'ว่าง.csv' })).toEqual({ kind: 'failed', spreadsheet: true, message: SPREADSHEET_MESSAGES.empty });
  });

  it('reports a fault that is not the file’s as a fault', async () => {
    const failing = importSheetWork(() => Promise.reject(new Error('geography missing')));
    const answer = await failing({ kind: 'validate', rows: [], firstRowNumber: 2, dateSystem: 1900, mapping: [], provinceCode: '57', writableDistrict: null, existingNationalIds: new Set(), existingNameKeys: new Set(), placeChoices: new Map() });
    expect(answer).toEqual({ kind: 'failed', spreadsheet: false, message: 'geography missing' });
  });
});
