import type { z } from 'zod';
import { ApiError, THAI_ERROR_MESSAGES } from './api-error';

/** Validates untrusted input with a shared schema; 400 with the first problem spelled out. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` (${issue.path.join('.')})`;
  throw new ApiError(400, 'bad-request', `${THAI_ERROR_MESSAGES['bad-request']}: ${issue?.message ?? ''}${where}`);
}
