// Search over Thai text. Thai is written without spaces between words, so words come from ICU's
// dictionary segmenter; records and queries go through the same normalisation and segmentation, so
// however ICU splits a compound ("เลือกตั้ง" → เลือก + ตั้ง) both sides agree.
import { fromThaiDigits } from './buddhist-era-date';

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });

// Sara am typed as nikhahit + sara aa (what many PDF extractions and old fonts produce), with or
// without a tone mark in between: "นํ้า" must find "น้ำ". NFC does not compose these.
const SPLIT_SARA_AM = /\u0E4D([\u0E48-\u0E4B]?)\u0E32/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * NFC, sara am composed, zero-width characters removed, Latin lower-cased, Thai digits → 0–9,
 * whitespace collapsed and trimmed.
 */
export function normaliseThaiText(s: string): string {
  return fromThaiDigits(
    s.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPLIT_SARA_AM, '$1\u0E33').toLowerCase(),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

interface Word {
  text: string;
  /** The word ends with a dot ICU left outside it: "กกต" + "." */
  dotAfter: boolean;
}

// ๆ (repeat the previous word) and ฯ (abbreviation mark) are word-like to ICU but find nothing.
const MARKS_ONLY = /^[ๆฯ]+$/;
const NUMBER = /^[\d.,]+$/;

function words(normalised: string): Word[] {
  const segments = [...wordSegmenter.segment(normalised)];
  const out: Word[] = [];
  segments.forEach((segment, i) => {
    if (!segment.isWordLike || MARKS_ONLY.test(segment.segment)) return;
    out.push({ text: segment.segment, dotAfter: segments[i + 1]?.segment === '.' });
  });
  return out;
}

// Abbreviations (กกต., ศส.ปชต., ผอ.กกต.จว.) keep their inner dots through ICU but not a final one.
// Numbers with dots ("09.30", "2.5") are kept as they are.
function isAbbreviation(word: Word): boolean {
  return !NUMBER.test(word.text) && (word.dotAfter || word.text.includes('.'));
}

function partsOf(text: string): string[] {
  return text.split('.').filter((part) => part !== '');
}

/**
 * The tokens to index a record by, unique. An abbreviation is indexed whole ("ศส.ปชต."), without
 * dots ("ศสปชต") and by its parts ("ศส", "ปชต"), so any way of typing it finds the record.
 */
export function tokenizeForSearch(text: string): string[] {
  const tokens = new Set<string>();
  for (const word of words(normaliseThaiText(text))) {
    if (!isAbbreviation(word)) {
      tokens.add(word.text);
      continue;
    }
    tokens.add(word.dotAfter ? `${word.text}.` : word.text);
    tokens.add(word.text.replace(/\./g, ''));
    for (const part of partsOf(word.text)) tokens.add(part);
  }
  return [...tokens];
}

/**
 * The tokens of a query, unique, in typing order (the last one is what the user is still typing,
 * which callers match as a prefix). A dotted abbreviation becomes its parts: those are indexed for
 * every record holding it, whether the record glued it to the next word ("กกต.เชียงราย") or not.
 */
export function searchQueryTokens(query: string): string[] {
  const tokens: string[] = [];
  for (const word of words(normaliseThaiText(query))) {
    if (isAbbreviation(word)) tokens.push(...partsOf(word.text));
    else tokens.push(word.text);
  }
  // Keep each token's last occurrence so the word being typed stays last.
  return [...new Set(tokens.reverse())].reverse();
}

export interface MatchOptions {
  /** Match the last query token as a prefix (the default, for search-as-you-type). */
  prefixLast?: boolean;
}

/**
 * True when every query token is one of the record's tokens; the last may instead be the start of
 * one. An empty query matches everything.
 */
export function matchesAllTokens(
  recordTokens: Iterable<string>,
  queryTokens: readonly string[],
  { prefixLast = true }: MatchOptions = {},
): boolean {
  const record = recordTokens instanceof Set ? (recordTokens as ReadonlySet<string>) : new Set(recordTokens);
  const last = queryTokens.length - 1;
  return queryTokens.every((token, i) => {
    if (record.has(token)) return true;
    if (!prefixLast || i !== last) return false;
    for (const candidate of record) if (candidate.startsWith(token)) return true;
    return false;
  });
}
