import { describe, it, expect } from 'vitest';
import { matchesAllTokens, normaliseThaiText, searchQueryTokens, tokenizeForSearch } from './search-tokens';

// The title of a news item on the provincial office's site (../shared/fixtures/seeds).
const SEED = 'สำนักงานคณะกรรมการการเลือกตั้ง จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”';
const NIKHAHIT = '\u0E4D';
const SARA_AA = '\u0E32';
const MAI_THO = '\u0E49';

function finds(record: string, query: string): boolean {
  return matchesAllTokens(tokenizeForSearch(record), searchQueryTokens(query));
}

describe('normaliseThaiText', () => {
  it('composes sara am typed as nikhahit + sara aa, with or without a tone mark between', () => {
    expect(normaliseThaiText(`ท${NIKHAHIT}${SARA_AA}งาน`)).toBe('ทำงาน');
    expect(normaliseThaiText(`น${NIKHAHIT}${MAI_THO}${SARA_AA}`)).toBe('น้ำ');
    expect(normaliseThaiText(`น${MAI_THO}${NIKHAHIT}${SARA_AA}`)).toBe('น้ำ');
  });

  it('removes zero-width characters, lower-cases Latin and writes digits 0–9', () => {
    expect(normaliseThaiText('เลือก\u200Bตั้ง\u200C\uFEFF')).toBe('เลือกตั้ง');
    expect(normaliseThaiText('ECT Chiang Rai')).toBe('ect chiang rai');
    expect(normaliseThaiText('ปี ๒๕๖๕')).toBe('ปี 2565');
  });

  it('applies NFC and tidies whitespace', () => {
    expect(normaliseThaiText('cafe\u0301')).toBe('caf\u00E9');
    expect(normaliseThaiText('  สอง\u00A0 คำ\n')).toBe('สอง คำ');
    expect(normaliseThaiText('')).toBe('');
  });
});

describe('tokenizeForSearch', () => {
  const tokens = tokenizeForSearch(SEED);

  it('gives unique word tokens without spaces or punctuation', () => {
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) expect(token).not.toMatch(/[\s“”]/);
    expect(tokens).toContain('พันธมิตร');
  });

  it('indexes an abbreviation whole, without dots and by its parts', () => {
    expect(tokens).toEqual(expect.arrayContaining(['ศส.ปชต.', 'ศสปชต', 'ศส', 'ปชต']));
    expect(tokenizeForSearch('กกต.')).toEqual(['กกต.', 'กกต']);
    expect(tokenizeForSearch('ผอ.กกต.จว. เชียงราย')).toEqual(
      expect.arrayContaining(['ผอ.กกต.จว.', 'ผอกกตจว', 'ผอ', 'กกต', 'จว', 'เชียงราย']),
    );
  });

  it('keeps numbers, including times and decimals', () => {
    const dated = tokenizeForSearch('ระหว่างวันที่ 24 – 25 สิงหาคม 2565 เวลา 09.30 น.');
    expect(dated).toEqual(expect.arrayContaining(['24', '25', '2565', '09.30']));
    expect(dated).not.toContain('0930');
  });

  it('gives the same tokens for text that differs only in encoding', () => {
    const clean = 'น้ำท่วม ปี 2565 ECT';
    const messy = `น${NIKHAHIT}${MAI_THO}${SARA_AA}\u200Bท่วม ปี ๒๕๖๕ ect`;
    expect(tokenizeForSearch(messy)).toEqual(tokenizeForSearch(clean));
  });

  it('drops repetition marks and gives nothing for empty or blank text', () => {
    expect(tokenizeForSearch('77 จังหวัด ๆ ละ 4 คน')).not.toContain('ๆ');
    expect(tokenizeForSearch('')).toEqual([]);
    expect(tokenizeForSearch(' “ ” – ')).toEqual([]);
  });
});

describe('searchQueryTokens', () => {
  it('segments the query as records are segmented', () => {
    const query = searchQueryTokens('เลือกตั้ง');
    expect(query.length).toBeGreaterThan(0);
    expect(tokenizeForSearch(SEED)).toEqual(expect.arrayContaining(query));
  });

  it('turns a dotted abbreviation into its parts', () => {
    expect(searchQueryTokens('ศส.ปชต.')).toEqual(['ศส', 'ปชต']);
    expect(searchQueryTokens('ศส.ปชต')).toEqual(['ศส', 'ปชต']);
    expect(searchQueryTokens('กกต.')).toEqual(['กกต']);
  });

  it('normalises like the records do', () => {
    expect(searchQueryTokens('  ECT ๒๕๖๕ ')).toEqual(['ect', '2565']);
  });

  it('drops repeats but keeps the word being typed last', () => {
    expect(searchQueryTokens('ปชต กกต ปชต')).toEqual(['กกต', 'ปชต']);
  });

  it('gives no tokens for a blank query', () => {
    expect(searchQueryTokens('')).toEqual([]);
    expect(searchQueryTokens('  ')).toEqual([]);
  });
});

describe('matchesAllTokens', () => {
  it.each(['เลือกตั้ง', 'ศส.ปชต.', 'ศส.ปชต', 'ศสปชต', 'ปชต', 'เครือข่าย', 'พันธ', 'พันธมิตร', 'เสวนา เลือกตั้ง'])(
    'finds the seed title by %j',
    (query) => {
      expect(finds(SEED, query)).toBe(true);
    },
  );

  it.each(['กกต', 'เชียงราย', 'พันธ เลือกตั้ง', 'เลือกตั้ง ประชาธิปไตย'])('does not find the seed title by %j', (query) => {
    expect(finds(SEED, query)).toBe(false);
  });

  it('matches only the last query token as a prefix, and only when asked', () => {
    const record = tokenizeForSearch(SEED);
    expect(matchesAllTokens(record, ['พันธ'])).toBe(true);
    expect(matchesAllTokens(record, ['พันธ'], { prefixLast: false })).toBe(false);
    expect(matchesAllTokens(record, ['พันธมิตร'], { prefixLast: false })).toBe(true);
  });

  it('finds an abbreviation whether or not it is glued to the next word', () => {
    expect(finds('กกต.เชียงราย จัดอบรม', 'กกต. เชียงราย')).toBe(true);
    expect(finds('กกต. จังหวัดเชียงราย', 'กกต.เชียงราย')).toBe(true);
    expect(finds('กกต. จังหวัดเชียงราย', 'กกต')).toBe(true);
  });

  it('ignores differences of encoding between record and query', () => {
    expect(finds('ประชุมเรื่องน้ำ ปี 2565', `น${NIKHAHIT}${MAI_THO}${SARA_AA} ๒๕๖๕`)).toBe(true);
  });

  it('accepts a Set of record tokens and matches everything with an empty query', () => {
    const record = new Set(tokenizeForSearch(SEED));
    expect(matchesAllTokens(record, searchQueryTokens('ปชต'))).toBe(true);
    expect(matchesAllTokens(record, [])).toBe(true);
    expect(matchesAllTokens([], ['ก'])).toBe(false);
  });
});
