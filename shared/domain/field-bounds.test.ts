import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLE_SCHEMAS, SYNCED_TABLES } from './synced-tables';

// Issue 18, item 8: a string field without a maximum let one device push a 3 MB authorName that every
// device in the province then pulled. Every string, array and number of a synced record is bounded.

/** Free text that may be long; every other string field holds at most DEFAULT_MAX_TEXT characters. */
const LONG_TEXT: Record<string, number> = {
  'news.lead': 2000,
  'news.bodyHtml': 2_000_000,
  'newsRevisions.lead': 2000,
  'newsRevisions.bodyHtml': 2_000_000,
  'newsTransitions.comment': 2000,
  'events.description': 20_000,
  'events.rrule': 2000,
  'centres.notes': 10_000,
  'partners.notes': 10_000,
};
const DEFAULT_MAX_TEXT = 1000;
const MAX_ITEMS = 500;

interface Leaf {
  path: string;
  kind: 'string' | 'number' | 'array';
  schema: z.ZodType;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

function leaves(schema: z.ZodType, path: string, out: Leaf[]): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? (schema as unknown as { shape: Record<string, z.ZodType> }).shape)) leaves(child, `${path}.${key}`, out);
      break;
    case 'array':
      out.push({ path, kind: 'array', schema });
      leaves(def.element!, `${path}[]`, out);
      break;
    case 'nullable':
    case 'optional':
    case 'default':
      leaves(def.innerType!, path, out);
      break;
    case 'pipe':
      leaves(def.in!, path, out);
      break;
    case 'string':
    case 'number':
      out.push({ path, kind: def.type, schema });
      break;
  }
  return out;
}

const allLeaves = SYNCED_TABLES.flatMap((table) => {
  const shape = (SYNCED_TABLE_SCHEMAS[table] as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).flatMap(([field, schema]) => leaves(schema, `${table}.${field}`, []));
});

describe('synced record fields are bounded', () => {
  it('finds the fields it checks', () => {
    expect(allLeaves.filter((l) => l.kind === 'string').length).toBeGreaterThan(80);
    expect(allLeaves.map((l) => l.path)).toContain('news.authorName');
    expect(allLeaves.map((l) => l.path)).toContain('news.photos[].attachmentId');
  });

  it.each(allLeaves.filter((l) => l.kind === 'string').map((l) => [l.path, l] as const))('%s refuses text longer than its budget', (path, leaf) => {
    const budget = LONG_TEXT[path] ?? DEFAULT_MAX_TEXT;
    expect(leaf.schema.safeParse('ก'.repeat(budget + 1)).success).toBe(false);
  });

  it.each(allLeaves.filter((l) => l.kind === 'array').map((l) => [l.path, l] as const))('%s has a maximum number of items', (_path, leaf) => {
    const max = defOf(leaf.schema).checks?.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
    expect(max).toBeDefined();
    expect(max!).toBeLessThanOrEqual(MAX_ITEMS);
  });

  it.each(allLeaves.filter((l) => l.kind === 'number').map((l) => [l.path, l] as const))('%s refuses an absurd number', (_path, leaf) => {
    expect(leaf.schema.safeParse(Number.MAX_SAFE_INTEGER).success).toBe(false);
    expect(leaf.schema.safeParse(-1).success).toBe(false);
  });
});
