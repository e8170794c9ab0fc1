// The article as the office website shows it — headline, "วันที่ 16 มิ.ย. 2565", body, photos —
// shared by the preview, the HTML export and the server's feed page.
import type { NewsItem } from '../domain/news';
import { formatShortDate, type Era } from '../thai/buddhist-era-date';
import { escapeAttribute, escapeText, parseHtml, serialiseHtml, type HtmlNode } from './html-tree';
import { sanitiseNewsHtml } from './news-html-sanitiser';

export interface ArticlePhoto {
  attachmentId: string;
  /** Where the picture is read from: a data: URI (export), blob: URL (preview) or a feed URL. */
  src: string;
  caption: string;
  isCover: boolean;
}

export type ArticleContent = Pick<NewsItem, 'title' | 'lead' | 'bodyHtml' | 'dateline' | 'category' | 'tags'>;

export function datelineDate(dateline: string): Date {
  const [y, m, d] = dateline.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

/** "วันที่ 16 มิ.ย. 2565", as the office website prints it. */
export function datelineText(dateline: string | null, era: Era = 'be'): string | null {
  return dateline ? `วันที่ ${formatShortDate(datelineDate(dateline), { era })}` : null;
}

function resolveImages(nodes: HtmlNode[], photos: ReadonlyMap<string, ArticlePhoto>): HtmlNode[] {
  return nodes.flatMap((node): HtmlNode[] => {
    if (node.type === 'text') return [node];
    if (node.tag === 'img') {
      const photo = photos.get(node.attrs['data-attachment-id'] ?? '');
      return photo ? [{ ...node, attrs: { src: photo.src, alt: node.attrs.alt || photo.caption } }] : [];
    }
    return [{ ...node, children: resolveImages(node.children, photos) }];
  });
}

/** The body, sanitised, with its inline photos pointing at `src`. */
export function articleBodyHtml(bodyHtml: string, photos: readonly ArticlePhoto[]): string {
  const byId = new Map(photos.map((p) => [p.attachmentId, p]));
  return serialiseHtml(resolveImages(parseHtml(sanitiseNewsHtml(bodyHtml)).children, byId));
}

/** The <article> element: what the preview shows and the exports wrap. */
export function articleHtml(item: ArticleContent, photos: readonly ArticlePhoto[], era: Era = 'be'): string {
  const date = datelineText(item.dateline, era);
  const cover = photos.find((p) => p.isCover);
  const inBody = new Set([...item.bodyHtml.matchAll(/data-attachment-id="([^"]+)"/g)].map((m) => m[1]));
  const gallery = photos.filter((p) => p !== cover && !inBody.has(p.attachmentId));
  const figure = (p: ArticlePhoto, cls: string) =>
    `<figure class="${cls}"><img src="${escapeAttribute(p.src)}" alt="${escapeAttribute(p.caption)}">${p.caption ? `<figcaption>${escapeText(p.caption)}</figcaption>` : ''}</figure>`;
  return [
    '<article class="news-article">',
    `<p class="news-article-category">${escapeText(item.category)}</p>`,
    `<h1 class="news-article-title">${escapeText(item.title)}</h1>`,
    date ? `<p class="news-article-date">${escapeText(date)}</p>` : '',
    cover ? figure(cover, 'news-article-cover') : '',
    item.lead ? `<p class="news-article-lead">${escapeText(item.lead)}</p>` : '',
    `<div class="news-article-body">${articleBodyHtml(item.bodyHtml, photos)}</div>`,
    gallery.length ? `<div class="news-article-gallery">${gallery.map((p) => figure(p, 'news-article-photo')).join('')}</div>` : '',
    item.tags.length ? `<p class="news-article-tags">${item.tags.map((t) => `<span>${escapeText(t)}</span>`).join(' ')}</p>` : '',
    '</article>',
  ].join('');
}

export const ARTICLE_CSS = `
.news-article{max-width:48rem;margin:0 auto;font-family:'Sarabun','TH Sarabun New',Tahoma,sans-serif;font-size:16pt;line-height:1.6;color:#1d2433}
.news-article-category{color:#5b6476;font-size:.8em;margin:0}
.news-article-title{font-size:1.5em;color:#172857;margin:.2em 0;line-height:1.35}
.news-article-date{color:#5b6476;margin:0 0 1em}
.news-article-lead{font-weight:600}
.news-article figure{margin:1em 0}
.news-article img{max-width:100%;height:auto;display:block;border-radius:4px}
.news-article-cover img,.news-article-photo img{max-height:26rem;width:auto;margin:0 auto}
.news-article figcaption{color:#5b6476;font-size:.85em;margin-top:.3em}
.news-article blockquote{border-left:4px solid #c8962e;margin:1em 0;padding:.2em 1em;color:#333}
.news-article-gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75em}
.news-article-tags span{display:inline-block;background:#e6ebf7;border-radius:999px;padding:0 .6em;font-size:.8em}
@media print{.news-article{max-width:none}}
`;

export interface HtmlDocumentOptions {
  era?: Era;
  officeName: string;
  /** @font-face sources (data: URIs) so the file shows Sarabun on a machine without it. */
  fonts?: { weight: number; dataUri: string }[];
}

/** A self-contained HTML file: the article, its photos and fonts inline, nothing loaded from anywhere. */
export function newsHtmlDocument(item: ArticleContent, photos: readonly ArticlePhoto[], options: HtmlDocumentOptions): string {
  const fonts = (options.fonts ?? []).map((f) => `@font-face{font-family:'Sarabun';font-weight:${f.weight};src:url(${f.dataUri}) format('woff2')}`).join('');
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(item.title)}</title>
<style>${fonts}body{margin:2rem 1rem;background:#fff}${ARTICLE_CSS}.office{max-width:48rem;margin:0 auto 1rem;color:#5b6476;font-family:'Sarabun',Tahoma,sans-serif}</style>
</head><body>
<p class="office">${escapeText(options.officeName)}</p>
${articleHtml(item, photos, options.era)}
</body></html>
`;
}
