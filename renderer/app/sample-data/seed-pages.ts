/**
 * Reads the two seed pages (plain text copies of an office website) into articles. The pages
 * carry website chrome (menus, footer) around the article: these parsers keep the article only.
 */
export interface SeedArticle {
  title: string;
  /** Date as printed on the page, if any ("วันที่ 16 มิ.ย. 2565"). */
  datelineText: string | null;
  paragraphs: string[];
  /** Lines that the page sets as a list (the seminar's working groups). */
  listItems: string[];
}

const clean = (line: string) => line.replace(/\u00a0/g, ' ').trim();

export function parseSeminarArticle(raw: string): SeedArticle {
  const lines = raw.split(/\r?\n/).map(clean).filter(Boolean);
  const start = lines[0] === 'คัดลอก URL แล้ว' ? 1 : 0;
  const title = lines[start] ?? '';
  const end = lines.findIndex((l) => l.startsWith('ข่าวที่เกี่ยวข้อง'));
  const body = lines.slice(start + 1, end === -1 ? undefined : end).filter((l) => l !== title);
  return {
    title,
    datelineText: null,
    paragraphs: body.filter((l) => !/^กลุ่ม \d/.test(l)),
    listItems: body.filter((l) => /^กลุ่ม \d/.test(l)),
  };
}

export function parseListingArticle(raw: string): SeedArticle {
  const lines = raw.split(/\r?\n/).map(clean).filter(Boolean);
  const dateIndex = lines.findIndex((l) => /^วันที่ \d/.test(l));
  if (dateIndex < 1) throw new Error('seed listing: no dated article found');
  const end = lines.findIndex((l, i) => i > dateIndex && (l.startsWith('พลังของผู้นำชุมชน') || l.startsWith('สงวนลิขสิทธิ์')));
  return {
    title: lines[dateIndex - 1]!,
    datelineText: lines[dateIndex]!,
    paragraphs: lines.slice(dateIndex + 1, end === -1 ? undefined : end),
    listItems: [],
  };
}

/** The office named in the page footer ("… สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย"). */
export function officeNameOf(raw: string): string | null {
  const match = raw.match(/(สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด\S+)/);
  return match ? match[1]!.replace(/\s*\|.*$/, '') : null;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articleBodyHtml(article: SeedArticle): string {
  const paragraphs = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
  const list = article.listItems.length ? `<ul>${article.listItems.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '';
  return paragraphs + list;
}
