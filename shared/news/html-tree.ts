// A small, DOM-free HTML reader for the news body: shared/ runs in Node (tests, server feed) and
// in the renderer, so sanitising and exporting cannot lean on DOMParser. It is forgiving the way
// browsers are about the HTML that Word and web pages put on the clipboard (unclosed <p>/<li>,
// upper-case tags, comments, conditional comments, namespaced tags like <o:p>).

export interface HtmlElement {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export interface HtmlText {
  type: 'text';
  text: string;
}
export type HtmlNode = HtmlElement | HtmlText;

const VOID_TAGS = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source']);
/** Tags whose content is never text for the reader. */
export const RAW_TEXT_TAGS = new Set(['script', 'style', 'title', 'textarea', 'xml', 'template', 'noscript']);
/** An opening tag of one of these closes an open element of the same set (as <p> and <li> do). */
const AUTO_CLOSE: Record<string, readonly string[]> = { p: ['p'], li: ['li'], td: ['td', 'th'], th: ['td', 'th'], tr: ['tr'] };

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Parses HTML into a tree under a root element named '#root'. Never throws. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  const pushText = (text: string) => {
    if (text) top().children.push({ type: 'text', text: decodeEntities(text) });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      // Doctype, Word's <![if !supportLists]> and <![endif]>, processing instructions.
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const close = /^<\/\s*([a-zA-Z][\w:-]*)[^>]*>/.exec(html.slice(lt, lt + 200));
    if (close) {
      const tag = close[1]!.toLowerCase();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      i = lt + close[0].length;
      continue;
    }
    const open = /^<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt));
    if (!open) {
      pushText('<');
      i = lt + 1;
      continue;
    }
    const tag = open[1]!.toLowerCase();
    const rawAttrs = open[2] ?? '';
    i = lt + open[0].length;
    const closes = AUTO_CLOSE[tag];
    if (closes) {
      const at = stack.findLastIndex((e) => closes.includes(e.tag));
      // Only within the nearest list/table/block container: a <p> inside a <li> does not close the <li>.
      const barrier = stack.findLastIndex((e) => ['ul', 'ol', 'table', 'blockquote', 'div', 'td', 'th', '#root'].includes(e.tag) && !closes.includes(e.tag));
      if (at > 0 && at > barrier) stack.length = at;
    }
    const element: HtmlElement = { type: 'element', tag, attrs: parseAttributes(rawAttrs), children: [] };
    top().children.push(element);
    if (RAW_TEXT_TAGS.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, i);
      const stop = end === -1 ? html.length : end;
      element.children.push({ type: 'text', text: html.slice(i, stop) });
      const gt = end === -1 ? html.length : html.indexOf('>', end);
      i = gt === -1 ? html.length : gt + 1;
      continue;
    }
    if (!VOID_TAGS.has(tag) && !/\/\s*$/.test(rawAttrs)) stack.push(element);
  }
  return root;
}

export function serialiseHtml(nodes: readonly HtmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += escapeText(node.text);
      continue;
    }
    const attrs = Object.entries(node.attrs)
      .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
      .join('');
    out += VOID_TAGS.has(node.tag) ? `<${node.tag}${attrs}>` : `<${node.tag}${attrs}>${serialiseHtml(node.children)}</${node.tag}>`;
  }
  return out;
}

export function textContent(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  if (RAW_TEXT_TAGS.has(node.tag)) return '';
  return node.children.map(textContent).join('');
}
