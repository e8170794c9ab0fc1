import type { Role } from '../sync/protocol';

/**
 * The district an import may write into, as the server will decide it from the user's token
 * (server/accounts/scope.ts): an officer's own district; null, the whole province, for an editor,
 * a coordinator or an admin.
 */
export function writableDistrictOf(role: Role, districtCode: string | null): string | null {
  return role === 'officer' ? districtCode : null;
}

/** Said when an import would write outside what the user may write (nothing is written). */
export const OUT_OF_SCOPE_IMPORT = 'มีแถวที่อยู่นอกพื้นที่ที่คุณมีสิทธิ์แก้ไข จึงไม่ได้นำเข้าข้อมูลใดเลย';
