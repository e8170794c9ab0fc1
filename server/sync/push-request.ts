import { z } from 'zod';
import { isStamp } from '../../shared/sync/hybrid-logical-clock';
import { MutationSchema, type Mutation } from '../../shared/sync/mutation';
import { MAX_PUSH_MUTATIONS, type MutationResult } from '../../shared/sync/protocol';
import { storableText } from '../../shared/sync/storable-json';
import { parseInput } from '../http/parse-input';

export type RejectedResult = Extract<MutationResult, { status: 'rejected' }>;

/** One entry of a push: a mutation to apply, or one already refused for its shape (answered per mutation). */
export type PushItem = { mutation: Mutation } | { refused: RejectedResult };

// The envelope is checked as a whole; each mutation on its own, so that one malformed mutation is answered
// `rejected` and the rest of the batch is applied (issue 18: a bad mutation must never block a device's sync).
const PushEnvelope = z.object({ mutations: z.array(z.unknown()).max(MAX_PUSH_MUTATIONS) });
const MutationIdOnly = z.object({ id: MutationSchema.shape.id });

export function rejected(id: string, reason: RejectedResult['reason'], message: string): RejectedResult {
  return { id, status: 'rejected', reason, message };
}

/**
 * The mutations of a push body. Only what cannot be answered per mutation is a 400 for the batch: a body
 * that is not `{ mutations: [...] }`, more than MAX_PUSH_MUTATIONS, or a mutation without a valid id (the
 * device matches answers by id).
 */
export function parsePushRequest(body: unknown): PushItem[] {
  const { mutations } = parseInput(PushEnvelope, body);
  return mutations.map((raw): PushItem => {
    const { id } = parseInput(MutationIdOnly, raw);
    const parsed = MutationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      if (issue?.code === 'invalid_key') return { refused: rejected(id, 'unknown-field', `ไม่รู้จักช่องข้อมูล ${storableText(String(issue.path[1] ?? '')).slice(0, 64)}`) };
      return { refused: rejected(id, 'invalid-value', `การแก้ไขนี้มีรูปแบบไม่ถูกต้อง (${issue?.path.join('.') ?? ''})`) };
    }
    for (const [field, change] of Object.entries(parsed.data.changes)) {
      if (!isStamp(change.stamp) || (change.prev !== null && !isStamp(change.prev))) {
        return { refused: rejected(id, 'invalid-value', `เวลาประทับของช่องข้อมูล ${field} ไม่ถูกต้อง`) };
      }
    }
    return { mutation: parsed.data };
  });
}
