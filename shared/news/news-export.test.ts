import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { newsDocxBytes, type DocxPhoto } from './news-docx-export';
import { newsHtmlDocument } from './news-article';

const PHOTO_ID = '01890f3e-1c2b-7abc-8def-0123456789ab';
// A 1×1 PNG.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const item = {
  title: 'สำนักงาน กกต. ลงนามบันทึกข้อตกลงความร่วมมือกับกระทรวงมหาดไทย',
  lead: 'เพื่อส่งเสริมการมีส่วนร่วมทางการเมือง',
  bodyHtml: `<h2>ความร่วมมือ</h2><p>ทั้งสองหน่วยงาน<strong>ร่วมกัน</strong>ส่งเสริม ศส.ปชต.</p><ul><li>ข้อหนึ่ง</li></ul><img data-attachment-id="${PHOTO_ID}" alt="พิธีลงนาม"><script>alert(1)</script>`,
  dateline: '2022-06-16',
  category: 'ข่าวประชาสัมพันธ์',
  tags: ['MOU'],
};

describe('DOCX export', () => {
  it('writes Sarabun 16 pt on A4 with the BE date, the text and the photo', async () => {
    const photo: DocxPhoto = { attachmentId: PHOTO_ID, data: PNG, type: 'png', width: 800, height: 600, caption: 'พิธีลงนาม', isCover: false };
    const bytes = await newsDocxBytes(item, [photo], { officeName: 'สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย' });
    const zip = await JSZip.loadAsync(bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    const text = [...document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('สำนักงาน กกต. ลงนามบันทึกข้อตกลงความร่วมมือกับกระทรวงมหาดไทย');
    expect(text).toContain('วันที่ 16 มิถุนายน 2565');
    expect(text).toContain('ทั้งสองหน่วยงานร่วมกันส่งเสริม ศส.ปชต.');
    expect(text).toContain('• ข้อหนึ่ง');
    expect(text).not.toContain('alert');
    expect(styles).toMatch(/<w:rFonts w:ascii="TH Sarabun New" w:cs="TH Sarabun New"/);
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(styles).toContain('<w:szCs w:val="32"/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
  });
});

describe('HTML export', () => {
  it('is one self-contained file with the BE dateline and the photo inline', () => {
    const html = newsHtmlDocument(item, [{ attachmentId: PHOTO_ID, src: 'data:image/png;base64,AAAA', caption: 'พิธีลงนาม', isCover: false }], { officeName: 'สำนักงาน กกต. จังหวัดเชียงราย', fonts: [{ weight: 400, dataUri: 'data:font/woff2;base64,AAAA' }] });
    expect(html).toContain('<p class="news-article-date">วันที่ 16 มิ.ย. 2565</p>');
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="พิธีลงนาม">');
    expect(html).toContain("@font-face{font-family:'Sarabun'");
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
