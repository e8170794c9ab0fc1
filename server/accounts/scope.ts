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
 * What a device was last sent from cursor 0, stored per device (`synced_scope`) to notice a change between
 * pulls: its scope, and its role, which decides the form personal fields arrive in (issue 18: a user who
 * becomes a coordinator must get the full values of what they already hold, one who stops being one must
 * lose them).
 */
export function syncedViewKey(scope: Scope, role: string): string {
  return `${scopeKey(scope)}|${role}`;
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
