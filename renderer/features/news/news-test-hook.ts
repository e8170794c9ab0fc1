import { ROLES, type Role } from '../../../shared/sync/protocol';
import { useSession } from '../../app/session-store';

declare global {
  interface Window {
    /** Browser shell only, for end-to-end tests until sign-in gives the session its role. */
    __provincedeskNewsTest?: { setRole(role: Role): void };
  }
}

/**
 * Until the sync colleague's sign-in sets the role, the e2e tests act as a coordinator through
 * this hook. Installed only in the browser shell (no window.desk), never in the desktop app.
 */
export function installNewsTestHook(): void {
  if (window.desk || window.__provincedeskNewsTest) return;
  window.__provincedeskNewsTest = {
    setRole(role) {
      if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
      useSession.setState({ role });
    },
  };
}
