import type { Scope } from '../../shared/sync/record-scope';

// The rules themselves are shared with the device (shared/sync/record-scope.ts); here what only the
// server needs: the key it stores per device, and the rules as SQL.
export { canRead, canWrite, scopeFor, type Scope } from '../../shared/sync/record-scope';

/** Stored per device to notice a scope change between pulls. */
export function scopeKey(scope: Scope): string {
  if (scope.kind === 'all') return '*';
  if (scope.kind === 'province') return scope.provinceCode;
  return `${scope.provinceCode}:${scope.districtCode}`;
}

/**
 * A SQL condition over `province_code`/`district_code` columns (with a table alias) for canRead,
 * its parameters numbered from `firstParam`.
 */
export function readableSql(scope: Scope, alias: string, firstParam: number): { sql: string; params: string[] } {
  if (scope.kind === 'all') return { sql: 'TRUE', params: [] };
  if (scope.kind === 'province') return { sql: `${alias}.province_code = $${firstParam}`, params: [scope.provinceCode] };
  return {
    sql: `(${alias}.province_code = $${firstParam} AND (${alias}.district_code IS NULL OR ${alias}.district_code = $${firstParam + 1}))`,
    params: [scope.provinceCode, scope.districtCode],
  };
}
