// The news item as a DOCX in the Thai government format: Sarabun (TH Sarabun New) 16 pt on A4,
// margins of the ระเบียบงานสารบรรณ (top 2.5 cm, left 3 cm, right and bottom 2 cm), BE dates.
// docx runs in the browser and in Node; the result is bytes either way.
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { formatLongDate } from '../thai/buddhist-era-date';
import { parseHtml, type HtmlElement, type HtmlNode } from './html-tree';
import { sanitiseNewsHtml } from './news-html-sanitiser';
import { datelineDate, type ArticleContent } from './news-article';
import { A4_PAGE, CM, GOVERNMENT_RUN } from '../docx/thai-government-format';

export interface DocxPhoto {
  attachmentId: string;
  data: Uint8Array;
  type: 'jpg' | 'png' | 'gif' | 'bmp';
  width: number;
  height: number;
  caption: string;
  isCover: boolean;
}

export interface DocxOptions {
  officeName: string;
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

const MAX_IMAGE_WIDTH_PX = 600;

function imageRun(photo: DocxPhoto): ImageRun {
  const scale = Math.min(1, MAX_IMAGE_WIDTH_PX / Math.max(1, photo.width));
  return new ImageRun({ type: photo.type, data: photo.data, transformation: { width: Math.round(photo.width * scale), height: Math.round(photo.height * scale) }, altText: { name: photo.caption || 'ภาพ', description: photo.caption, title: photo.caption } });
}

function inlineRuns(nodes: readonly HtmlNode[], style: RunStyle = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) out.push(new TextRun({ text: node.text, bold: style.bold, italics: style.italics, underline: style.underline ? {} : undefined }));
      continue;
    }
    if (node.tag === 'br') out.push(new TextRun({ break: 1 }));
    else if (node.tag === 'strong') out.push(...inlineRuns(node.children, { ...style, bold: true }));
    else if (node.tag === 'em') out.push(...inlineRuns(node.children, { ...style, italics: true }));
    else if (node.tag === 'u') out.push(...inlineRuns(node.children, { ...style, underline: true }));
    else if (node.tag === 'a') out.push(new ExternalHyperlink({ link: node.attrs.href ?? '', children: inlineRuns(node.children, { ...style, underline: true }).filter((r): r is TextRun => r instanceof TextRun) }));
    else out.push(...inlineRuns(node.children, style));
  }
  return out;
}

function photoParagraphs(photo: DocxPhoto): Paragraph[] {
  const out = [new Paragraph({ alignment: AlignmentType.CENTER, children: [imageRun(photo)] })];
  if (photo.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: photo.caption, italics: true, size: 28 })] }));
  return out;
}

function blocks(nodes: readonly HtmlNode[], photos: ReadonlyMap<string, DocxPhoto>, quote = false): Paragraph[] {
  const out: Paragraph[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    const el: HtmlElement = node;
    switch (el.tag) {
      case 'h2':
      case 'h3':
      case 'h4':
        out.push(new Paragraph({ heading: el.tag === 'h2' ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: inlineRuns(el.children, { bold: true }) }));
        break;
      case 'ul':
      case 'ol':
        el.children.forEach((li, i) => {
          if (li.type !== 'element') return;
          const inner = li.children.flatMap((c) => (c.type === 'element' && c.tag === 'p' ? c.children : [c]));
          const marker = el.tag === 'ol' ? `${i + 1}. ` : '• ';
          out.push(new Paragraph({ indent: { left: Math.round(1.25 * CM), hanging: Math.round(0.63 * CM) }, children: [new TextRun(marker), ...inlineRuns(inner)] }));
        });
        break;
      case 'blockquote':
        out.push(...blocks(el.children, photos, true));
        break;
      case 'img': {
        const photo = photos.get(el.attrs['data-attachment-id'] ?? '');
        if (photo) out.push(...photoParagraphs(photo));
        break;
      }
      case 'hr':
        break;
      default:
        out.push(new Paragraph({
          // Thai official writing indents the first line of a paragraph 2.5 cm.
          indent: quote ? { left: Math.round(1.25 * CM), right: Math.round(1.25 * CM) } : { firstLine: Math.round(2.5 * CM) },
          alignment: AlignmentType.THAI_DISTRIBUTE,
          children: inlineRuns(el.children, quote ? { italics: true } : {}),
        }));
    }
  }
  return out;
}

export function buildNewsDocx(item: ArticleContent, photos: readonly DocxPhoto[], options: DocxOptions): Document {
  const byId = new Map(photos.map((p) => [p.attachmentId, p]));
  const inBody = new Set([...item.bodyHtml.matchAll(/data-attachment-id="([^"]+)"/g)].map((m) => m[1]));
  const cover = photos.find((p) => p.isCover);
  const rest = photos.filter((p) => p !== cover && !inBody.has(p.attachmentId));
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: options.officeName })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: item.title, bold: true, size: 36 })] }),
  ];
  if (item.dateline) children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `วันที่ ${formatLongDate(datelineDate(item.dateline))}` })] }));
  if (cover) children.push(...photoParagraphs(cover));
  if (item.lead) children.push(new Paragraph({ indent: { firstLine: Math.round(2.5 * CM) }, children: [new TextRun({ text: item.lead, bold: true })] }));
  children.push(...blocks(parseHtml(sanitiseNewsHtml(item.bodyHtml)).children, byId));
  for (const photo of rest) children.push(...photoParagraphs(photo));

  const run = GOVERNMENT_RUN;
  return new Document({
    creator: options.officeName,
    title: item.title,
    styles: {
      default: {
        document: { run },
        heading1: { run: { ...run, size: 36, bold: true, color: '000000' } },
        heading2: { run: { ...run, bold: true, color: '000000' } },
        heading3: { run: { ...run, bold: true, color: '000000' } },
      },
    },
    sections: [
      {
        properties: { page: A4_PAGE },
        children,
      },
    ],
  });
}

/** The DOCX file's bytes. */
export async function newsDocxBytes(item: ArticleContent, photos: readonly DocxPhoto[], options: DocxOptions): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(buildNewsDocx(item, photos, options)));
}
