import type { Role } from './protocol';

/**
 * What a user may read and write, from their role and office (DESIGN.md, "Scope"): an admin everything,
 * an editor or coordinator one province, an officer one district. Officers also read province-wide
 * records (district null) of their province, e.g. the provincial calendar, but write only their own
 * district's. The server decides from the token (server/accounts/scope.ts); the device uses the same
 * rules to know which of its records the server will send it and which it may send back.
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
