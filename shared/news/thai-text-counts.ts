import { parseHtml, textContent, type HtmlNode } from './html-tree';

const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

export interface TextCounts {
  /** Words as a Thai reader counts them: ICU's dictionary segmentation, since Thai has no spaces. */
  words: number;
  /** Characters as seen on screen: a consonant with its vowel and tone marks is one (กี่ = 1, not 3). */
  characters: number;
  charactersWithoutSpaces: number;
}

export function countThaiText(text: string): TextCounts {
  const normal = text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  let wordCount = 0;
  for (const s of words.segment(normal)) if (s.isWordLike && !/^[ๆฯ]+$/.test(s.segment)) wordCount++;
  let characters = 0;
  let spaces = 0;
  for (const g of graphemes.segment(normal)) {
    characters++;
    if (/^\s+$/.test(g.segment)) spaces++;
  }
  return { words: wordCount, characters, charactersWithoutSpaces: characters - spaces };
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'div', 'br', 'ul', 'ol']);

/** The text of an HTML body, one line per block, so words never run together across paragraphs. */
export function htmlToPlainText(html: string): string {
  const lines: string[] = [];
  let current = '';
  const walk = (nodes: readonly HtmlNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        current += node.text;
        continue;
      }
      const block = BLOCK_TAGS.has(node.tag);
      if (block && current.trim()) {
        lines.push(current.trim());
        current = '';
      }
      if (node.tag !== 'br') walk(node.children);
      if (block && current.trim()) {
        lines.push(current.trim());
        current = '';
      }
    }
  };
  walk(parseHtml(html).children);
  if (current.trim()) lines.push(current.trim());
  return lines.map((l) => l.replace(/[ \t\u00a0]+/g, ' ')).join('\n');
}

/** Counts over the whole article as it is read: headline, lead and body. */
export function countNewsText(parts: { title: string; lead: string; bodyHtml: string }): TextCounts {
  return countThaiText([parts.title, parts.lead, htmlToPlainText(parts.bodyHtml)].filter(Boolean).join('\n'));
}

export { textContent };
