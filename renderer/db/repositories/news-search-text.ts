/**
 * Marks every live (not deleted) news item in its search tokens. IndexedDB cannot index a boolean,
 * so "all live news" would otherwise need a scan of every record; with the marker it is one
 * index lookup (the list at 10,000 items reads keys only). Users never type it: a query of "_"
 * alone has no word in it.
 */
export const NEWS_LIVE_TOKEN = '__live__';

/** The text of a news item that search covers. Plain data in, so migrations can use it on raw rows. */
export function newsSearchText(row: { title?: unknown; lead?: unknown; bodyHtml?: unknown; tags?: unknown; category?: unknown; authorName?: unknown; deleted?: unknown }): string {
  if (row.deleted === true) return '';
  const tags = Array.isArray(row.tags) ? row.tags.join(' ') : '';
  return [row.title, row.lead, stripHtml(String(row.bodyHtml ?? '')), tags, row.authorName, NEWS_LIVE_TOKEN].filter((s) => typeof s === 'string' && s).join(' ');
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
