// What changed between two revisions: fields compared whole, the body paragraph by paragraph and,
// inside a changed paragraph, word by word (Thai words from ICU, so a one-word edit in a long Thai
// sentence shows as one word, not the whole line).
import { htmlToPlainText } from './thai-text-counts';

export type DiffKind = 'same' | 'added' | 'removed';
export interface DiffPart {
  kind: DiffKind;
  text: string;
}

export interface RevisionContent {
  title: string;
  lead: string;
  bodyHtml: string;
  category: string;
  tags: readonly string[];
  dateline: string | null;
}

export interface FieldDiff {
  field: 'title' | 'lead' | 'category' | 'tags' | 'dateline' | 'body';
  parts: DiffPart[];
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

function lcsDiff<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): { kind: DiffKind; a?: T; b?: T }[] {
  const n = a.length;
  const m = b.length;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = same(a[i]!, b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const out: { kind: DiffKind; a?: T; b?: T }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) out.push({ kind: 'same', a: a[i++], b: b[j++] });
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) out.push({ kind: 'removed', a: a[i++] });
    else out.push({ kind: 'added', b: b[j++] });
  }
  while (i < n) out.push({ kind: 'removed', a: a[i++] });
  while (j < m) out.push({ kind: 'added', b: b[j++] });
  return out;
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === p.kind) last.text += p.text;
    else if (p.text) out.push({ ...p });
  }
  return out;
}

/** Word-level diff of two Thai texts. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = [...segmenter.segment(before)].map((s) => s.segment);
  const b = [...segmenter.segment(after)].map((s) => s.segment);
  // Long texts beyond a few thousand words: compare at paragraph level only, to bound the work.
  if (a.length * b.length > 4_000_000) return merge([{ kind: 'removed', text: before }, { kind: 'added', text: after }]);
  return merge(lcsDiff(a, b, (x, y) => x === y).map((op) => ({ kind: op.kind, text: (op.kind === 'added' ? op.b : op.a) ?? '' })));
}

/** Paragraphs first, then words within a paragraph that was replaced. */
export function diffText(before: string, after: string): DiffPart[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = lcsDiff(a, b, (x, y) => x === y);
  const parts: DiffPart[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!;
    const next = ops[k + 1];
    if (op.kind === 'removed' && next?.kind === 'added') {
      parts.push(...diffWords(op.a!, next.b!), { kind: 'same', text: '\n' });
      k++;
      continue;
    }
    parts.push({ kind: op.kind, text: `${(op.kind === 'added' ? op.b : op.a) ?? ''}\n` });
  }
  return merge(parts);
}

/** The fields that differ, each with its parts; an empty list when nothing changed. */
export function diffRevisions(before: RevisionContent, after: RevisionContent): FieldDiff[] {
  const out: FieldDiff[] = [];
  const simple = (field: FieldDiff['field'], a: string, b: string) => {
    if (a !== b) out.push({ field, parts: diffWords(a, b) });
  };
  simple('title', before.title, after.title);
  simple('lead', before.lead, after.lead);
  simple('category', before.category, after.category);
  simple('dateline', before.dateline ?? '', after.dateline ?? '');
  simple('tags', before.tags.join(', '), after.tags.join(', '));
  const bodyA = htmlToPlainText(before.bodyHtml);
  const bodyB = htmlToPlainText(after.bodyHtml);
  if (bodyA !== bodyB) out.push({ field: 'body', parts: diffText(bodyA, bodyB) });
  return out;
}
