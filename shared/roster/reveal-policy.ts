// Who may see a full national ID (PDPA: access by role and scope). Decided for ProvinceDesk:
// - coordinator and admin: any person in their scope (they approve appointment orders);
// - officer: people of their own district only (they keep that district's roster and confirm
//   identities when a committee is appointed); an officer without a district sees none;
// - editor (news and public relations): never — their work needs no ID.
// Everyone else sees the masked form. The server enforces it (issue 18): a device of anyone else never
// receives the full ID (the pull redacts it), and a reveal goes through the server, which writes the
// audit entry itself.
import type { Role } from '../sync/protocol';

export interface Viewer {
  role: Role;
  /** The viewer's district (amphoe) from sign-in; null for province-wide users. */
  districtCode: string | null;
}

export function canRevealNationalId(viewer: Viewer, person: { districtCode: string | null; tambonCode: string }): boolean {
  if (viewer.role === 'coordinator' || viewer.role === 'admin') return true;
  if (viewer.role === 'officer') {
    const district = person.districtCode ?? person.tambonCode.slice(0, 4);
    return viewer.districtCode !== null && viewer.districtCode === district;
  }
  return false;
}

/**
 * A person's phone, LINE id and e-mail: the work data of those who keep the roster and call on the network —
 * coordinators and admins, and officers for the people of their own district (the only people their
 * devices pull). Editors (news and public relations) write about committees, not to their members: the
 * pull withholds these from them, as it withholds the full ID.
 */
export function canSeeContactDetails(viewer: Viewer, person: { districtCode: string | null; tambonCode: string }): boolean {
  return canRevealNationalId(viewer, person);
}

/**
 * Whether `viewer` may see no person's ID or contact details at all (an editor; an officer without a district):
 * such a viewer receives every person as `NO_PERSONAL_DATA_VIEWER` would, and the server keeps that form ready.
 */
export function seesNoPersonalData(viewer: Viewer): boolean {
  return viewer.role === 'editor' || (viewer.role === 'officer' && viewer.districtCode === null);
}

/** The viewer whose view of a person the server keeps with it for every viewer that seesNoPersonalData. */
export const NO_PERSONAL_DATA_VIEWER: Viewer = { role: 'editor', districtCode: null };

/** Exports carry full IDs only for the roles allowed to reveal them everywhere in the export. */
export function canExportFullIds(viewer: Viewer): boolean {
  return viewer.role === 'coordinator' || viewer.role === 'admin';
}

/** Erasure removes a person everywhere once synced: kept for coordinators and admins. */
export function canErase(viewer: Viewer): boolean {
  return viewer.role === 'coordinator' || viewer.role === 'admin';
}
