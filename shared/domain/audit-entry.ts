import { z } from 'zod';
import { DisplayName, IsoDateTime, RecordId, UserRef, scopeShape } from './common';

/** What was done to personal data. Every reveal, export and change of a person is one entry. */
export const AUDIT_ACTIONS = ['reveal-id', 'create', 'update', 'merge', 'erase', 'import', 'export', 'subject-export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The PDPA audit trail: who saw or changed a person's record, and when. Append-only and synced,
 * so coordinators see it on the server. It names fields, never their values: the trail must not
 * become a second copy of the personal data (and survives the person's erasure).
 */
export const AuditEntry = z.object({
  ...scopeShape,
  /** The person concerned; null for an action over many (an import, a list export). */
  memberId: RecordId.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  /** Names of the fields changed or shown. */
  fields: z.array(z.string().max(50)).max(60),
  /** How many people an import or export covered. */
  count: z.number().int().min(0).max(10_000_000),
  /** e.g. the export format or the place exported; never personal data. */
  detail: z.string().max(500),
  actorId: UserRef,
  actorName: DisplayName,
  actorRole: z.enum(['officer', 'editor', 'coordinator', 'admin']),
  at: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
