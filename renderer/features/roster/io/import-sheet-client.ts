import type { ValidatedRow } from '../../../../shared/roster/row-validation';
import { workerCalls, type WorkerCalls } from '../../../app/worker-calls';
import type { ImportCell } from '../../../../shared/roster/import-cell';
import type { CheckedRow, ImportSheetAnswer, ImportSheetRequest, ValidateSheetRequest } from './import-sheet-work';
import { SpreadsheetError, type WorkbookData } from './spreadsheet-reader';

/** An import's reading and checking, done off the window's thread; `abort` stops whichever is under way. */
export interface ImportSheetClient {
  /** Starts the worker and loads what checking needs, while the user is still choosing a file. */
  prepare(): Promise<void>;
  /** Every sheet of the file; a SpreadsheetError when the file is not one the import can read. */
  read(bytes: Uint8Array, fileName: string): Promise<WorkbookData>;
  validate(request: Omit<ValidateSheetRequest, 'kind'>): Promise<ValidatedRow[]>;
  abort(): void;
}

export function importSheetClient(calls: WorkerCalls<ImportSheetRequest, ImportSheetAnswer>): ImportSheetClient {
  const ask = async <K extends ImportSheetRequest['kind']>(request: ImportSheetRequest & { kind: K }): Promise<ImportSheetAnswer & { kind: K }> => {
    const answer = await calls.call(request);
    if (answer.kind === 'failed') throw answer.spreadsheet ? new SpreadsheetError(answer.message) : new Error(answer.message);
    return answer as ImportSheetAnswer & { kind: K };
  };
  return {
    prepare: async () => {
      await ask({ kind: 'prepare' });
    },
    read: async (bytes, fileName) => (await ask({ kind: 'read', bytes, fileName })).workbook,
    validate: async (request) => withCells((await ask({ kind: 'validate', ...request })).rows, request.rows, request.firstRowNumber),
    abort: () => calls.abort(),
  };
}

/**
 * The app's client: a module worker, started at the first request. The stand-in for a platform without
 * module workers is loaded only there: the reader (exceljs) stays out of the window's own scripts.
 */
export function createImportSheetClient(): ImportSheetClient {
  const inThisThread = async (request: ImportSheetRequest): Promise<ImportSheetAnswer> => {
    const [{ importSheetWork }, { loadThaiGeography }] = await Promise.all([import('./import-sheet-work'), import('../../../../shared/geography/thai-geography')]);
    return importSheetWork(loadThaiGeography)(request);
  };
  return importSheetClient(workerCalls(() => new Worker(new URL('./import-sheet-worker.ts', import.meta.url), { type: 'module' }), inThisThread));
}

/** The checked rows with their cells again, from the sheet they were checked from. */
export function withCells(checked: readonly CheckedRow[], rows: readonly (readonly ImportCell[])[], firstRowNumber: number): ValidatedRow[] {
  return checked.map((row) => ({ ...row, cells: [...rows[row.rowNumber - firstRowNumber]!] }));
}
