import type { Role } from '../../../shared/sync/protocol';
import type { Viewer } from '../../../shared/roster/reveal-policy';
import type { Author } from './author';

/** Who acts on personal data: recorded in the audit trail, and checked against the reveal policy. */
export interface RosterActor extends Author, Viewer {
  role: Role;
}
