import type { Role } from '../../shared/sync/protocol';

/**
 * What a device may read and write, decided from its token only (DESIGN.md, "Scope"):
 * an admin everything, an editor or coordinator one province, an officer one district.
 * Officers also read province-wide records (district null) of their province, e.g. the provincial calendar,
 * but write only their own district's.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'province'; provinceCode: string }
  | { kind: 'district'; provinceCode: string; districtCode: string };

export function scopeFor(role: Role, provinceCode: string | null, districtCode: string | null): Scope {
  if (role === 'admin') return { kind: 'all' };
  if (provinceCode === null) throw new Error(`a ${role} needs an office`);
  if (role === 'officer') {
    if (districtCode === null) throw new Error('an officer needs a district office');
    return { kind: 'district', provinceCode, districtCode };
  }
  return { kind: 'province', provinceCode };
}

/** Stored per device to notice a scope change between pulls. */
export function scopeKey(scope: Scope): string {
  if (scope.kind === 'all') return '*';
  if (scope.kind === 'province') return scope.provinceCode;
  return `${scope.provinceCode}:${scope.districtCode}`;
}

export function canWrite(scope: Scope, provinceCode: string, districtCode: string | null): boolean {
  if (scope.kind === 'all') return true;
  if (scope.provinceCode !== provinceCode) return false;
  if (scope.kind === 'province') return true;
  return districtCode === scope.districtCode;
}

export function canRead(scope: Scope, provinceCode: string, districtCode: string | null): boolean {
  if (scope.kind === 'district' && scope.provinceCode === provinceCode && districtCode === null) return true;
  return canWrite(scope, provinceCode, districtCode);
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
