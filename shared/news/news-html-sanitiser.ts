// Keeps the text and structure of pasted or stored HTML and drops the junk: Word's mso styles,
// <o:p>, conditional comments and list markers, Google Docs' wrapper <b>, classes, styles, scripts,
// event handlers and unsafe links. The output uses only what the editor and the exporters know.
import { parseHtml, serialiseHtml, textContent, type HtmlElement, type HtmlNode } from './html-tree';

/** Block tags the body may hold, after renaming (h1 → h2, div → p …). */
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'img', 'hr']);
const RENAME: Record<string, string> = { b: 'strong', i: 'em', h1: 'h2', h5: 'h4', h6: 'h4', div: 'p', dd: 'p', dt: 'p', pre: 'p', section: 'p', article: 'p', figcaption: 'p', tr: 'p', caption: 'p' };
const INLINE = new Set(['strong', 'em', 'u', 's', 'a', 'br']);
/** Elements whose whole content is dropped. */
const DROP = new Set(['script', 'style', 'title', 'head', 'meta', 'link', 'xml', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'input', 'select', 'textarea', 'form']);

export function isSafeHref(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href.trim());
}

/** A photo in the body: a stored attachment (by id), or an image that still has to be stored. */
function imageAttrs(el: HtmlElement): Record<string, string> | null {
  const attachmentId = el.attrs['data-attachment-id'];
  const alt = el.attrs.alt ?? '';
  if (attachmentId && /^[0-9a-f-]{36}$/.test(attachmentId)) return { 'data-attachment-id': attachmentId, alt };
  return null;
}

function isWordListMarker(el: HtmlElement): boolean {
  return /mso-list\s*:\s*ignore/i.test(el.attrs.style ?? '');
}

function isWordListParagraph(el: HtmlElement): boolean {
  return el.tag === 'p' && (/MsoListParagraph/i.test(el.attrs.class ?? '') || /mso-list\s*:\s*l\d/i.test(el.attrs.style ?? ''));
}

function wordListIsOrdered(el: HtmlElement): boolean {
  const marker = findFirst(el, isWordListMarker);
  return marker ? /\d|[a-z]\)|[๑-๙]/i.test(textContent(marker)) : false;
}

function findFirst(el: HtmlElement, test: (e: HtmlElement) => boolean): HtmlElement | null {
  for (const child of el.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const inner = findFirst(child, test);
    if (inner) return inner;
  }
  return null;
}

function cleanChildren(nodes: readonly HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ type: 'text', text: node.text.replace(/[\r\n\t]+/g, ' ') });
      continue;
    }
    out.push(...cleanElement(node));
  }
  return out;
}

function cleanElement(el: HtmlElement): HtmlNode[] {
  const tag = el.tag;
  if (DROP.has(tag) || tag.includes(':') || isWordListMarker(el)) return [];
  // Google Docs wraps the whole clipboard in <b style="font-weight:normal">: not bold at all.
  if (tag === 'b' && /font-weight\s*:\s*(normal|400)/i.test(el.attrs.style ?? '')) return cleanChildren(el.children);
  const name = RENAME[tag] ?? tag;
  if (name === 'img') {
    const attrs = imageAttrs(el);
    return attrs ? [{ type: 'element', tag: 'img', attrs, children: [] }] : [];
  }
  if (name === 'a') {
    const href = el.attrs.href ?? '';
    const children = cleanChildren(el.children);
    return isSafeHref(href) ? [{ type: 'element', tag: 'a', attrs: { href: href.trim() }, children }] : children;
  }
  if (name === 'span' && /font-weight\s*:\s*(bold|[6-9]00)/i.test(el.attrs.style ?? '')) {
    return [{ type: 'element', tag: 'strong', attrs: {}, children: cleanChildren(el.children) }];
  }
  if (name === 'span' && /font-style\s*:\s*italic/i.test(el.attrs.style ?? '')) {
    return [{ type: 'element', tag: 'em', attrs: {}, children: cleanChildren(el.children) }];
  }
  if (name === 'br' || name === 'hr') return [{ type: 'element', tag: name, attrs: {}, children: [] }];
  if (BLOCKS.has(name) || INLINE.has(name)) return [{ type: 'element', tag: name, attrs: {}, children: cleanChildren(el.children) }];
  // span, font, table, body, html and anything unknown: keep the content, drop the wrapper.
  return cleanChildren(el.children);
}

/** Word sets a list as paragraphs with a typed marker: gather runs of them into <ul>/<ol>. */
function gatherWordLists(nodes: readonly HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  let list: HtmlElement | null = null;
  for (const node of nodes) {
    if (node.type === 'element' && isWordListParagraph(node)) {
      const tag = wordListIsOrdered(node) ? 'ol' : 'ul';
      if (!list || list.tag !== tag) {
        list = { type: 'element', tag, attrs: {}, children: [] };
        out.push(list);
      }
      list.children.push({ ...node, tag: 'li' });
      continue;
    }
    if (node.type === 'text' && !node.text.trim()) {
      if (!list) out.push(node);
      continue;
    }
    list = null;
    out.push(node.type === 'element' ? { ...node, children: gatherWordLists(node.children) } : node);
  }
  return out;
}

const isBlock = (n: HtmlNode) => n.type === 'element' && BLOCKS.has(n.tag);

/** Top-level inline content goes into paragraphs; empty paragraphs and stray whitespace go. */
function normaliseBlocks(nodes: readonly HtmlNode[], inList = false): HtmlNode[] {
  const out: HtmlNode[] = [];
  let loose: HtmlNode[] = [];
  const flush = () => {
    if (loose.some((n) => textContent(n).trim() || (n.type === 'element' && n.tag === 'img'))) out.push({ type: 'element', tag: 'p', attrs: {}, children: trimEdges(loose) });
    loose = [];
  };
  for (const node of nodes) {
    if (!isBlock(node)) {
      loose.push(node);
      continue;
    }
    flush();
    const el = node as HtmlElement;
    if (el.tag === 'img' || el.tag === 'hr') {
      out.push(el);
      continue;
    }
    if (el.tag === 'ul' || el.tag === 'ol') {
      const items = el.children.filter((c): c is HtmlElement => c.type === 'element').map((c) => (c.tag === 'li' ? c : { type: 'element' as const, tag: 'li', attrs: {}, children: [c] }));
      const cleanItems = items.map((li) => ({ ...li, children: normaliseBlocks(li.children, true) })).filter((li) => li.children.length > 0);
      if (cleanItems.length) out.push({ ...el, children: cleanItems });
      continue;
    }
    if (el.tag === 'blockquote' || el.tag === 'li') {
      const children = normaliseBlocks(el.children, el.tag === 'li');
      if (children.length) out.push({ ...el, tag: el.tag === 'li' && !inList ? 'p' : el.tag, children });
      continue;
    }
    // p, h2–h4: inline content only; nested blocks are lifted out after it.
    const inline = el.children.filter((c) => !isBlock(c));
    const nested = el.children.filter(isBlock);
    if (inline.some((n) => textContent(n).trim() || (n.type === 'element' && n.tag === 'img'))) out.push({ ...el, children: trimEdges(inline) });
    if (nested.length) out.push(...normaliseBlocks(nested, inList));
  }
  flush();
  return out;
}

function trimEdges(nodes: HtmlNode[]): HtmlNode[] {
  const copy = nodes.map((n) => (n.type === 'text' ? { ...n, text: n.text.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ') } : n));
  const first = copy[0];
  if (first?.type === 'text') copy[0] = { ...first, text: first.text.trimStart() };
  const last = copy[copy.length - 1];
  if (last?.type === 'text') copy[copy.length - 1] = { ...last, text: last.text.trimEnd() };
  return copy.filter((n) => n.type !== 'text' || n.text !== '');
}

/** Sanitised news body HTML: the allowed tags only, no attributes but href, alt and data-attachment-id. */
export function sanitiseNewsHtml(html: string): string {
  const root = parseHtml(html);
  const body = findFirst(root, (e) => e.tag === 'body') ?? root;
  const cleaned = cleanChildren(gatherWordLists(body.children));
  return serialiseHtml(normaliseBlocks(cleaned));
}
