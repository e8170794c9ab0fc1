// What an import's reading and checking do, as one function of a request: it runs in the import worker
// (import-sheet-worker.ts) so a 20,000-row sheet never holds the window, and in the window's own thread
// only where a worker cannot run. Stateless: every request carries what it needs.
import type { ThaiGeography } from '../../../../shared/geography/thai-geography';
import type { DateSystem, ImportCell } from '../../../../shared/roster/import-cell';
import { geographyPlaceResolver } from '../../../../shared/roster/place-resolver';
import type { ColumnMapping } from '../../../../shared/roster/roster-columns';
import { validateImportRows, type ValidatedRow } from '../../../../shared/roster/row-validation';
import { readPeopleWorkbook, SpreadsheetError, type WorkbookData } from './spreadsheet-reader';

export interface ValidateSheetRequest {
  kind: 'validate';
  rows: readonly (readonly ImportCell[])[];
  firstRowNumber: number;
  dateSystem: DateSystem;
  mapping: ColumnMapping;
  provinceCode: string;
  writableDistrict: string | null;
  existingNationalIds: ReadonlySet<string>;
  existingNameKeys: ReadonlySet<string>;
  placeChoices: ReadonlyMap<string, string>;
}

/** `prepare`: load what checking needs (the geography) before a file is chosen, so choosing one does not wait for it. */
export type ImportSheetRequest = { kind: 'prepare' } | { kind: 'read'; bytes: Uint8Array; fileName: string } | ValidateSheetRequest;

/** A checked row without its cells: the window has them already, and they would double what crosses back. */
export type CheckedRow = Omit<ValidatedRow, 'cells'>;

export type ImportSheetAnswer =
  | { kind: 'prepare' }
  | { kind: 'read'; workbook: WorkbookData }
  | { kind: 'validate'; rows: CheckedRow[] }
  /** `spreadsheet`: the file itself is the problem (its message says what to do); otherwise a fault. */
  | { kind: 'failed'; spreadsheet: boolean; message: string };

export function importSheetWork(loadGeography: () => Promise<ThaiGeography>): (request: ImportSheetRequest) => Promise<ImportSheetAnswer> {
  return async (request) => {
    try {
      if (request.kind === 'prepare') {
        await loadGeography();
        return { kind: 'prepare' };
      }
      if (request.kind === 'read') return { kind: 'read', workbook: await readPeopleWorkbook(request.bytes, request.fileName) };
      const places = geographyPlaceResolver(await loadGeography(), request.provinceCode, request.writableDistrict);
      const checked = validateImportRows(
        request.rows,
        request.mapping,
        { places, existingNationalIds: request.existingNationalIds, existingNameKeys: request.existingNameKeys, dateSystem: request.dateSystem, placeChoices: request.placeChoices, writableDistrict: request.writableDistrict },
        request.firstRowNumber,
      );
      return { kind: 'validate', rows: checked.map(({ cells: _cells, ...row }) => row) };
    } catch (error) {
      return { kind: 'failed', spreadsheet: error instanceof SpreadsheetError, message: error instanceof Error ? error.message : String(error) };
    }
  };
}
