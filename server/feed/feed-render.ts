// The published feed in the three shapes a provincial website can take without retyping:
// JSON, RSS 2.0, and one plain HTML page per article.
import { articleBodyHtml, articleHtml, ARTICLE_CSS, datelineText, type ArticlePhoto } from '../../shared/news/news-article';
import { escapeAttribute, escapeText } from '../../shared/news/html-tree';
import { htmlToPlainText } from '../../shared/news/thai-text-counts';
import type { PublishedArticle, PublishedPhoto } from './feed-queries';

export interface FeedLinks {
  /** e.g. http://server/feed/57 */
  base: string;
}

export const articleUrl = (links: FeedLinks, id: string) => `${links.base}/news/${id}.html`;
export const photoUrl = (links: FeedLinks, sha256: string) => `${links.base}/photos/${sha256}`;

function articlePhotos(links: FeedLinks, photos: readonly PublishedPhoto[]): ArticlePhoto[] {
  return photos.map((p) => ({ attachmentId: p.attachmentId, src: photoUrl(links, p.sha256), caption: p.caption, isCover: p.isCover }));
}

export function feedJson(articles: readonly PublishedArticle[], links: FeedLinks, provinceCode: string) {
  return {
    version: 1,
    provinceCode,
    items: articles.map(({ item, photos }) => ({
      id: item.id,
      url: articleUrl(links, item.id),
      title: item.title,
      lead: item.lead,
      category: item.category,
      tags: item.tags,
      dateline: item.dateline,
      datelineText: datelineText(item.dateline),
      publishedAt: item.publishedAt,
      contentHtml: articleBodyHtml(item.bodyHtml, articlePhotos(links, photos)),
      contentText: htmlToPlainText(item.bodyHtml),
      photos: photos.map((p) => ({ url: photoUrl(links, p.sha256), mimeType: p.mimeType, width: p.width, height: p.height, caption: p.caption, cover: p.isCover })),
    })),
  };
}

export function feedRss(articles: readonly PublishedArticle[], links: FeedLinks, title: string): string {
  const items = articles
    .map(({ item, photos }) => {
      const cover = photos.find((p) => p.isCover) ?? photos[0];
      return [
        '<item>',
        `<title>${escapeText(item.title)}</title>`,
        `<link>${escapeText(articleUrl(links, item.id))}</link>`,
        `<guid isPermaLink="false">${item.id}</guid>`,
        `<category>${escapeText(item.category)}</category>`,
        item.publishedAt ? `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>` : '',
        `<description>${escapeText(item.lead || htmlToPlainText(item.bodyHtml).slice(0, 500))}</description>`,
        cover ? `<enclosure url="${escapeAttribute(photoUrl(links, cover.sha256))}" type="${escapeAttribute(cover.mimeType)}" length="0"/>` : '',
        '</item>',
      ].join('');
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${escapeText(title)}</title>
<link>${escapeText(links.base)}/news.json</link>
<description>${escapeText(title)}</description>
<language>th</language>
${items}
</channel></rss>
`;
}

export function articlePage({ item, photos }: PublishedArticle, links: FeedLinks, officeName: string): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(item.title)}</title>
<style>body{margin:2rem 1rem}${ARTICLE_CSS}</style>
</head><body>
<p>${escapeText(officeName)}</p>
${articleHtml(item, articlePhotos(links, photos))}
</body></html>
`;
}
