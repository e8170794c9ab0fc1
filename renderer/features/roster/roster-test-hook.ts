import { ROLES, type Role } from '../../../shared/sync/protocol';
import { useSession } from '../../app/session-store';

/**
 * Until sign-in gives the session its role and district, the end-to-end tests open the roster
 * as a given role with "?testRole=officer&testDistrict=5701". Honoured only in the browser shell
 * (no window.desk), never in the desktop app.
 */
export function applyRosterTestRole(): void {
  if (window.desk) return;
  const params = new URLSearchParams(window.location.search);
  const role = params.get('testRole');
  if (!role || !(ROLES as readonly string[]).includes(role)) return;
  const district = params.get('testDistrict');
  const { scope } = useSession.getState();
  useSession.setState({ role: role as Role, scope: { ...scope, districtCode: district && /^\d{4}$/.test(district) ? district : scope.districtCode } });
}
