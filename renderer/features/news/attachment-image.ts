import Image from '@tiptap/extension-image';

/**
 * A photo inside the body. The stored HTML names the attachment (data-attachment-id); the src the
 * editor shows is a blob: URL made for this session, stripped again before saving.
 */
export const AttachmentImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      attachmentId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-attachment-id'),
        renderHTML: (attrs: { attachmentId?: string | null }) => (attrs.attachmentId ? { 'data-attachment-id': attrs.attachmentId } : {}),
      },
    };
  },
});

/** Stored body → editor content: each stored photo gets its session URL. */
export function withPhotoUrls(html: string, urls: ReadonlyMap<string, string>): string {
  return html.replace(/<img data-attachment-id="([^"]+)"/g, (whole, id: string) => {
    const url = urls.get(id);
    return url ? `<img src="${url}" data-attachment-id="${id}"` : whole;
  });
}

/** Editor HTML → stored body: session URLs go, the attachment ids stay. */
export function withoutPhotoUrls(html: string): string {
  return html.replace(/<img src="blob:[^"]*"/g, '<img');
}
