import { describe, expect, it } from 'vitest';
import { allowedActions, canEditContent, checkTransition } from './news-workflow';
import { countNewsText, countThaiText, htmlToPlainText } from './thai-text-counts';
import { sanitiseNewsHtml } from './news-html-sanitiser';
import { diffRevisions, diffWords } from './revision-diff';
import { eventWhen, newsDraftFromEvent } from './news-from-event';

describe('news workflow rules', () => {
  it('lets an editor submit but not approve or publish', () => {
    expect(allowedActions('editor', 'draft')).toEqual(['submit']);
    expect(allowedActions('editor', 'in_review')).toEqual([]);
    expect(checkTransition('approve', 'editor', 'in_review', '')).toEqual({ ok: false, message: 'บทบาท “ผู้เขียนข่าว” ไม่มีสิทธิ์ทำขั้นตอนนี้' });
  });

  it('lets a coordinator approve, send back with a comment, publish and archive', () => {
    expect(allowedActions('coordinator', 'in_review')).toEqual(['approve', 'send_back']);
    expect(allowedActions('coordinator', 'approved')).toEqual(['send_back', 'publish']);
    expect(allowedActions('coordinator', 'published')).toEqual(['archive']);
    expect(checkTransition('send_back', 'coordinator', 'in_review', '  ')).toMatchObject({ ok: false, message: 'กรุณาเขียนความเห็นถึงผู้เขียนเมื่อส่งกลับไปแก้ไข' });
    expect(checkTransition('send_back', 'coordinator', 'in_review', 'แก้ชื่อผู้เข้าร่วม')).toEqual({ ok: true, to: 'draft' });
    expect(checkTransition('publish', 'coordinator', 'in_review', '')).toMatchObject({ ok: false });
  });

  it('freezes the words once published, and keeps in-review words for coordinators', () => {
    expect(canEditContent('editor', 'draft')).toBe(true);
    expect(canEditContent('editor', 'in_review')).toBe(false);
    expect(canEditContent('coordinator', 'in_review')).toBe(true);
    expect(canEditContent('admin', 'published')).toBe(false);
  });
});

describe('Thai word and character counts', () => {
  it('counts Thai words without spaces and characters as they are seen', () => {
    // ICU: การ|เลือกตั้ง (2 or 3 words by dictionary, never 1 and never one per letter).
    const counts = countThaiText('สำนักงานคณะกรรมการการเลือกตั้ง');
    expect(counts.words).toBeGreaterThanOrEqual(3);
    expect(counts.words).toBeLessThanOrEqual(6);
    // กี่ is one character on screen though three code points.
    expect(countThaiText('กี่').characters).toBe(1);
    expect('กี่'.length).toBe(3);
    expect(countThaiText('ศส.ปชต. 77 จังหวัด').charactersWithoutSpaces).toBe(countThaiText('ศส.ปชต.77จังหวัด').characters);
  });

  it('does not glue words across paragraphs of the body', () => {
    expect(htmlToPlainText('<p>หนึ่ง</p><p>สอง <strong>สาม</strong></p><ul><li>สี่</li></ul>')).toBe('หนึ่ง\nสอง สาม\nสี่');
    expect(countNewsText({ title: 'ข่าว', lead: '', bodyHtml: '<p>ประชาธิปไตย</p><p>เลือกตั้ง</p>' }).words).toBeGreaterThanOrEqual(3);
  });
});

describe('HTML sanitising for paste and export', () => {
  it('keeps the structure of a Word paste and drops its junk', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body>
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<h1 style="mso-margin-top-alt:auto">สัมมนา ศส.ปชต.</h1>
<p class=MsoNormal style="margin:0cm"><b><span lang=TH style="font-family:&quot;TH SarabunPSK&quot;">สำนักงาน กกต.</span></b><span lang=TH> จัดเสวนา<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp; </span></span><![endif]>กลุ่ม 1 ผู้แทน ศส.ปชต.</p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·</span><![endif]>กลุ่ม 2 ภาคีเครือข่าย</p>
<p class=MsoNormal><a href="javascript:alert(1)">ลิงก์อันตราย</a> <a href="https://www.ect.go.th/">กกต.</a></p>
<script>alert(1)</script></body></html>`;
    expect(sanitiseNewsHtml(word)).toBe(
      '<h2>สัมมนา ศส.ปชต.</h2><p><strong>สำนักงาน กกต.</strong> จัดเสวนา</p><ul><li><p>กลุ่ม 1 ผู้แทน ศส.ปชต.</p></li><li><p>กลุ่ม 2 ภาคีเครือข่าย</p></li></ul><p>ลิงก์อันตราย <a href="https://www.ect.go.th/">กกต.</a></p>',
    );
  });

  it('unwraps the Google Docs bold wrapper and keeps real emphasis', () => {
    const docs = '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">ตัวหนา</span><span style="font-style:italic">ตัวเอียง</span></p><blockquote>คำกล่าว</blockquote></b>';
    expect(sanitiseNewsHtml(docs)).toBe('<p><strong>ตัวหนา</strong><em>ตัวเอียง</em></p><blockquote><p>คำกล่าว</p></blockquote>');
  });

  it('keeps stored photos by attachment id and drops images from elsewhere', () => {
    const id = '01890f3e-1c2b-7abc-8def-0123456789ab';
    expect(sanitiseNewsHtml(`<p>ก</p><img src="blob:x" data-attachment-id="${id}" alt="ภาพ" onerror="x()"><img src="https://tracker/x.gif">`)).toBe(`<p>ก</p><img data-attachment-id="${id}" alt="ภาพ">`);
  });
});

describe('revision diff', () => {
  it('shows a changed Thai word inside an unchanged sentence', () => {
    const parts = diffWords('ผู้เข้าร่วม 427 คน', 'ผู้เข้าร่วม 430 คน');
    expect(parts).toEqual([
      { kind: 'same', text: 'ผู้เข้าร่วม ' },
      { kind: 'removed', text: '427' },
      { kind: 'added', text: '430' },
      { kind: 'same', text: ' คน' },
    ]);
  });

  it('lists only the fields that changed, the body by paragraph', () => {
    const before = { title: 'เสวนา', lead: 'นำ', bodyHtml: '<p>ย่อหน้าหนึ่ง</p><p>ย่อหน้าสอง</p>', category: 'ข่าว/กิจกรรม', tags: ['ศส.ปชต.'], dateline: '2022-08-26' };
    const after = { ...before, bodyHtml: '<p>ย่อหน้าหนึ่ง</p><p>ย่อหน้าสอง</p><p>ย่อหน้าสาม</p>' };
    const diff = diffRevisions(before, after);
    expect(diff.map((d) => d.field)).toEqual(['body']);
    expect(diff[0]!.parts).toEqual([
      { kind: 'same', text: 'ย่อหน้าหนึ่ง\nย่อหน้าสอง\n' },
      { kind: 'added', text: 'ย่อหน้าสาม\n' },
    ]);
    expect(diffRevisions(before, before)).toEqual([]);
  });
});

describe('a draft from a calendar activity', () => {
  it('writes the title, dates, place and participant counts as the seed article does', () => {
    const event = {
      id: '01890f3e-1c2b-7abc-8def-0123456789ab', provinceCode: '57', districtCode: null, deleted: false,
      title: 'เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”', type: 'seminar' as const,
      start: new Date(2022, 7, 24).toISOString(), end: new Date(2022, 7, 26).toISOString(), allDay: true,
      place: 'โรงแรมเดอะ เบด', placeTambonCode: null, organiser: 'สำนักงานคณะกรรมการการเลือกตั้ง', description: '',
      expected: [], actual: [{ group: 'ผู้แทน ศส.ปชต. 77 จังหวัด ๆ ละ 4 คน', count: 308 }, { group: 'ผู้อำนวยการการเลือกตั้งประจำจังหวัด', count: 77 }, { group: 'สื่อมวลชนและผู้สังเกตการณ์', count: 42 }],
      rrule: null, exdates: [], createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    };
    expect(eventWhen(event)).toBe('ระหว่างวันที่ 24 – 25 สิงหาคม 2565');
    const draft = newsDraftFromEvent(event, 'สำนักงาน กกต. จังหวัดเชียงราย');
    expect(draft.title).toBe('สำนักงานคณะกรรมการการเลือกตั้ง จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”');
    expect(draft.lead).toContain('ระหว่างวันที่ 24 – 25 สิงหาคม 2565 ณ โรงแรมเดอะ เบด');
    expect(draft.bodyHtml).toContain('รวมทั้งสิ้น 427 คน');
    expect(draft.dateline).toBe('2022-08-24');
  });
});
