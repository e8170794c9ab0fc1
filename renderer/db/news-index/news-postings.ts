// The news token index (docs/architecture.md, "News search"): for each search token, the ids of the
// news items holding it — a posting list — split in a few parts so that one item's write rewrites a
// part of the list, never the whole list of a word 10,000 items share.

export const NEWS_INDEX_TABLE = 'newsIndex';

/**
 * A key no posting list has (tokens are never empty): every news write tells live queries that it
 * changed, so a search reads this one missing key to be run again after any news write, instead of
 * counting the news table (which walks 10,000 entries) when all else came from its cache.
 */
export const NEWS_WRITTEN_KEY: [string, number] = ['', 0];

/** Parts per token: a common word's 10,000 ids become 16 rows of ~600. */
export const POSTING_PARTS = 16;

/** One part of a token's posting list. Ids are joined by a space (a uuid holds none): one string clones fast. */
export interface PostingRow {
  token: string;
  part: number;
  ids: string;
}

/** The part an item's id belongs to in every token's list (FNV-1a of the id). */
export function postingPartOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % POSTING_PARTS;
}

export function postingIds(row: PostingRow | undefined): string[] {
  return row && row.ids ? row.ids.split(' ') : [];
}

/** The key of a token's part as the store holds it ([token+part]), and as a map key. */
export function postingKey(token: string, part: number): string {
  return `${part}\u0000${token}`;
}

export function postingKeyParts(key: string): [string, number] {
  const at = key.indexOf('\u0000');
  return [key.slice(at + 1), Number(key.slice(0, at))];
}

/** Ids to add to and remove from each touched part, gathered over one write of many items. */
export type PostingChanges = Map<string, { add: Set<string>; remove: Set<string> }>;

/** The tokens a stored news row is found by: its derived search tokens (none when deleted or incomplete). */
export function tokensOfRow(row: unknown): readonly string[] {
  const tokens = (row as { searchTokens?: unknown } | undefined)?.searchTokens;
  return Array.isArray(tokens) ? (tokens as string[]) : [];
}

/** Adds one item's change (its tokens before and after the write) to the changes of the write. */
export function addItemChange(changes: PostingChanges, id: string, before: readonly string[], after: readonly string[]): void {
  if (before.length === 0 && after.length === 0) return;
  const part = postingPartOf(id);
  const old = new Set(before);
  const next = new Set(after);
  const touch = (token: string) => {
    const key = postingKey(token, part);
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { add: new Set(), remove: new Set() }));
    return change;
  };
  for (const token of next) if (!old.has(token)) touch(token).add.add(id);
  for (const token of old) if (!next.has(token)) touch(token).remove.add(id);
}

/** A part's ids after the changes: null when it is left empty (the row is deleted). */
export function applyToPart(current: PostingRow | undefined, change: { add: ReadonlySet<string>; remove: ReadonlySet<string> }): string | null {
  const ids = postingIds(current).filter((id) => !change.remove.has(id) && !change.add.has(id));
  for (const id of change.add) ids.push(id);
  return ids.length > 0 ? ids.join(' ') : null;
}
