// Realistic Thai news for the bench: sentences in the register of the seed articles, varied so
// the search index has the spread of a real office's 10,000 items.
const SUBJECTS = ['สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด', 'ศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบล', 'คณะกรรมการพัฒนาสตรี', 'องค์กรปกครองส่วนท้องถิ่น', 'สถานศึกษา', 'กรมการปกครอง', 'เครือข่ายพันธมิตร'];
const VERBS = ['จัดเสวนาวิชาการ', 'จัดอบรมเชิงปฏิบัติการ', 'ลงนามบันทึกข้อตกลงความร่วมมือ', 'ประชุมชี้แจงแนวทาง', 'รณรงค์ประชาสัมพันธ์', 'ตรวจเยี่ยมหน่วยเลือกตั้ง'];
const TOPICS = ['การเลือกตั้งสมาชิกสภาผู้แทนราษฎร', 'การเลือกตั้งท้องถิ่น', 'ประชาธิปไตยในโรงเรียน', 'การมีส่วนร่วมทางการเมือง', 'พลเมืองดีวิถีประชาธิปไตย', 'การป้องกันการทุจริตการเลือกตั้ง'];
const PLACES = ['อำเภอเมืองเชียงราย', 'อำเภอแม่สาย', 'อำเภอเชียงแสน', 'อำเภอเทิง', 'อำเภอพาน', 'อำเภอแม่จัน', 'อำเภอเวียงป่าเป้า'];
export const CATEGORIES = ['ข่าวประชาสัมพันธ์', 'ข่าว/กิจกรรม', 'ข่าวประกวดราคา', 'ประกาศเกี่ยวกับการเลือกตั้ง', 'ประกาศผลการเลือกตั้ง'];
const STATUSES = ['draft', 'in_review', 'approved', 'published', 'archived'] as const;

/** Deterministic pseudo-random numbers, so every run measures the same data. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

export function sentence(r: () => number): string {
  return `${pick(r, SUBJECTS)}${pick(r, VERBS)}เรื่อง${pick(r, TOPICS)} ณ ${pick(r, PLACES)} ผู้เข้าร่วม ${Math.floor(r() * 400) + 20} คน`;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const countWords = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).length;

/** A body of about `words` Thai words, in paragraphs, with a heading and a list now and then. */
export function bodyHtml(r: () => number, words: number): string {
  const parts: string[] = [];
  let count = 0;
  let paragraph = 0;
  while (count < words) {
    paragraph++;
    if (paragraph % 12 === 0) parts.push(`<h2>${pick(r, TOPICS)}</h2>`);
    if (paragraph % 9 === 0) parts.push(`<ul><li>${pick(r, PLACES)}</li><li>${pick(r, SUBJECTS)}</li></ul>`);
    const sentences = Array.from({ length: 3 }, () => sentence(r));
    parts.push(`<p>${sentences.join(' ')} <strong>${pick(r, VERBS)}</strong></p>`);
    count += countWords(sentences.join(' ')) + 1;
  }
  return parts.join('');
}

export interface BenchNews {
  title: string;
  lead: string;
  bodyHtml: string;
  category: string;
  status: (typeof STATUSES)[number];
  dateline: string;
  authorIndex: number;
}

export function makeNews(count: number, seed = 4): BenchNews[] {
  const r = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(r() * 5 * 365) * 86_400_000);
    return {
      title: `${pick(r, SUBJECTS)}${pick(r, VERBS)} ${pick(r, TOPICS)} ครั้งที่ ${i + 1}`,
      lead: sentence(r),
      bodyHtml: bodyHtml(r, 300),
      category: pick(r, CATEGORIES),
      status: pick(r, STATUSES),
      dateline: day.toISOString().slice(0, 10),
      authorIndex: Math.floor(r() * 12),
    };
  });
}

/** What users type: a word or two, the last one often unfinished. */
export const QUERIES = ['เสวนา', 'เลือกตั้ง', 'ศส.ปชต.', 'อบรม เชิง', 'ประชาธิปไตย โรง', 'แม่สาย', 'ลงนาม', 'ทุจริต', 'สตรี', 'เชียง', 'ผู้เข้าร่วม 12', 'ครั้งที่ 50', 'รณรงค์ การมี', 'ท้องถิ่น', 'ตรวจเยี่ยม'];
