import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseThaiDate } from '../../../shared/thai/buddhist-era-date';
import { articleBodyHtml, officeNameOf, parseListingArticle, parseSeminarArticle } from './seed-pages';

const seed = (name: string) => readFileSync(new URL(`./seeds/${name}`, import.meta.url), 'utf8');

describe('seed pages', () => {
  it('reads the seminar article without the page chrome', () => {
    const article = parseSeminarArticle(seed('seminar-article.txt'));
    expect(article.title).toBe('สำนักงานคณะกรรมการการเลือกตั้ง จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”');
    expect(article.paragraphs[0]).toContain('ระหว่างวันที่ 24 – 25 สิงหาคม 2565');
    expect(article.paragraphs[0]).toContain('รวมทั้งสิ้นจำนวน 427 คน');
    expect(article.paragraphs.join(' ')).not.toContain('คัดลอก URL');
    expect(article.listItems).toHaveLength(6);
    expect(articleBodyHtml(article)).toMatch(/^<p>สำนักงานคณะกรรมการการเลือกตั้ง โดยสำนักพัฒนา.*<\/ul>$/s);
  });

  it('reads the dated MOU news out of the listing page', () => {
    const raw = seed('news-listing.txt');
    const article = parseListingArticle(raw);
    expect(article.title).toBe('สำนักงานคณะกรรมการการเลือกตั้ง บูรณาการความร่วมมือกับกระทรวงมหาดไทย สร้างพลเมืองคุณภาพ');
    expect(article.datelineText).toBe('วันที่ 16 มิ.ย. 2565');
    const date = parseThaiDate(article.datelineText!.replace('วันที่ ', ''))!;
    expect([date.getFullYear(), date.getMonth(), date.getDate()]).toEqual([2022, 5, 16]);
    expect(article.paragraphs).toHaveLength(4);
    expect(article.paragraphs.join(' ')).not.toContain('สงวนลิขสิทธิ์');
    expect(officeNameOf(raw)).toBe('สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย');
  });
});
