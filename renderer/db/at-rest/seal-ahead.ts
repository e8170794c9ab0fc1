// Sealing a bulk write's rows before they reach the at-rest middleware (issue 13): a 20,000-person import seals
// each chunk while IndexedDB is still writing the one before, instead of inside the write request where the
// database waits for it. The middleware knows such rows by this mark and passes them through as they are.
import type { FieldKeys } from '../../security/field-cipher';
import { sealedMemberTokens } from './personal-fields';
import { AtRestLockedError, ROW_SEALERS, type RowSealer } from './row-sealers';

type Row = Record<string, unknown>;

const sealedAhead = new WeakSet<object>();

export function isSealedAhead(row: unknown): boolean {
  return typeof row === 'object' && row !== null && sealedAhead.has(row);
}

/** A row as stored: its personal values sealed, and a person's digit search tokens replaced by keyed ones. */
export function sealRow(keys: FieldKeys, sealer: RowSealer, store: string, row: Row): Row {
  const sealed = sealer.seal(keys, row);
  if (store === 'members' && Array.isArray(row.searchTokens)) sealed.searchTokens = sealedMemberTokens(keys.searchKey, row.searchTokens, row);
  return sealed;
}

/**
 * `rows` of `store` sealed now, marked so the middleware does not seal them again; as they are when the database
 * has no key provider (encryption at rest off), or while locked when none holds a personal value. Throws
 * AtRestLockedError while locked when one does, as the write would.
 */
export function sealAhead<R extends object>(keyProvider: (() => FieldKeys | null) | null, store: string, rows: R[]): R[] {
  const sealer = ROW_SEALERS[store];
  if (!keyProvider || !sealer) return rows;
  const keys = keyProvider();
  if (!keys) {
    if (rows.some((row) => sealer.holdsClear(row as Row))) throw new AtRestLockedError();
    return rows;
  }
  return rows.map((row) => {
    const sealed = sealRow(keys, sealer, store, row as Row);
    sealedAhead.add(sealed);
    return sealed as R;
  });
}
