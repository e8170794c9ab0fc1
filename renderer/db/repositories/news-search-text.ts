/** The text of a news item that search covers. Plain data in, so migrations can use it on raw rows. */
export function newsSearchText(row: { title?: unknown; lead?: unknown; bodyHtml?: unknown; tags?: unknown }): string {
  const tags = Array.isArray(row.tags) ? row.tags.join(' ') : '';
  return [row.title, row.lead, stripHtml(String(row.bodyHtml ?? '')), tags].filter((s) => typeof s === 'string' && s).join(' ');
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}
