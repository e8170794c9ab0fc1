import { beforeAll, describe, it, expect } from 'vitest';
import rawProvinces from './data/provinces.json' with { type: 'json' };
import rawDistricts from './data/districts.json' with { type: 'json' };
import rawSubdistricts from './data/subdistricts.json' with { type: 'json' };
import { BANGKOK_PROVINCE_CODE, ThaiGeography, loadThaiGeography } from './thai-geography';
import type { RawThaiGeography } from './thai-geography';
import { compareThai } from '../thai/thai-collation';

const CHIANG_RAI = '57';

let geo: ThaiGeography;

beforeAll(async () => {
  geo = await loadThaiGeography();
});

function isSortedThai(names: readonly string[]): boolean {
  return names.every((name, i) => i === 0 || compareThai(names[i - 1] ?? '', name) <= 0);
}

describe('loadThaiGeography', () => {
  it('loads the DOPA counts: 77 provinces, 928 amphoe, 7,436 tambon', () => {
    expect(geo.provinces).toHaveLength(77);
    expect(geo.amphoes).toHaveLength(928);
    expect(geo.tambons).toHaveLength(7436);
    expect([geo.provinces.length, geo.amphoes.length, geo.tambons.length]).toEqual([
      rawProvinces.length,
      rawDistricts.length,
      rawSubdistricts.length,
    ]);
  });

  it('loads once and shares the result', async () => {
    const [a, b] = await Promise.all([loadThaiGeography(), loadThaiGeography()]);
    expect(a).toBe(geo);
    expect(b).toBe(geo);
  });

  it('writes codes as zero-padded strings of 2, 4 and 6 digits and postal codes of 5', () => {
    for (const p of geo.provinces) expect(p.code).toMatch(/^\d{2}$/);
    for (const a of geo.amphoes) expect(`${a.code} ${a.postalCode}`).toMatch(/^\d{4} \d{5}$/);
    for (const t of geo.tambons) expect(`${t.code} ${t.postalCode}`).toMatch(/^\d{6} \d{5}$/);
  });

  it('hands out read-only records and lists', () => {
    expect(Object.isFrozen(geo.tambons)).toBe(true);
    expect(Object.isFrozen(geo.tambon('570101'))).toBe(true);
    expect(Object.isFrozen(geo.amphoesOf(CHIANG_RAI))).toBe(true);
    expect(Object.isFrozen(geo.findTambonByName('เวียง'))).toBe(true);
  });

  it('lists provinces in Thai order and amphoe and tambon in code order', () => {
    expect(isSortedThai(geo.provinces.map((p) => p.nameTh))).toBe(true);
    const amphoeCodes = geo.amphoes.map((a) => a.code);
    expect(amphoeCodes).toEqual([...amphoeCodes].sort());
  });
});

describe('amphoesOf', () => {
  it('gives Chiang Rai all its amphoe, Mueang Chiang Rai among them, in Thai order', () => {
    const amphoes = geo.amphoesOf(CHIANG_RAI);
    expect(amphoes).toHaveLength(rawDistricts.filter((d) => d.provinceCode === Number(CHIANG_RAI)).length);
    expect(amphoes.map((a) => a.nameTh)).toContain('เมืองเชียงราย');
    for (const a of amphoes) expect(a.code.startsWith(CHIANG_RAI) && a.provinceCode === CHIANG_RAI).toBe(true);
    expect(isSortedThai(amphoes.map((a) => a.nameTh))).toBe(true);
  });

  it('covers every amphoe exactly once', () => {
    expect(geo.provinces.flatMap((p) => geo.amphoesOf(p.code))).toHaveLength(geo.amphoes.length);
  });

  it('is empty for an unknown province', () => {
    expect(geo.amphoesOf('99')).toEqual([]);
    expect(geo.amphoesOf('')).toEqual([]);
  });
});

describe('tambonsOf', () => {
  it('covers every tambon exactly once, in Thai order within each amphoe', () => {
    let count = 0;
    for (const a of geo.amphoes) {
      const tambons = geo.tambonsOf(a.code);
      expect(tambons.length).toBeGreaterThan(0);
      expect(isSortedThai(tambons.map((t) => t.nameTh))).toBe(true);
      count += tambons.length;
    }
    expect(count).toBe(geo.tambons.length);
  });

  it('is empty for an unknown amphoe', () => {
    expect(geo.tambonsOf('5799')).toEqual([]);
    expect(geo.tambonsOf('57')).toEqual([]);
  });
});

describe('lookups', () => {
  it('round-trip every tambon through its amphoe and province', () => {
    for (const t of geo.tambons) {
      expect(geo.tambon(t.code)).toBe(t);
      const amphoe = geo.amphoe(t.amphoeCode);
      expect(amphoe?.provinceCode).toBe(t.provinceCode);
      expect(geo.province(t.provinceCode)?.code).toBe(t.provinceCode);
      expect(geo.tambonsOf(t.amphoeCode)).toContain(t);
      expect(geo.provinceOfCode(t.code)).toBe(geo.province(t.provinceCode));
      expect(geo.findTambonByName(t.nameTh, t.amphoeCode)).toEqual([t]);
    }
  });

  it('carry the names and postal codes of the source', () => {
    for (const raw of rawSubdistricts) {
      const t = geo.tambon(String(raw.subdistrictCode).padStart(6, '0'));
      expect([t?.nameTh, t?.nameEn, t?.postalCode]).toEqual([raw.subdistrictNameTh, raw.subdistrictNameEn, String(raw.postalCode)]);
    }
  });

  it('return undefined for unknown or malformed codes', () => {
    for (const bad of ['', '5', '99', '5799', '579999', '57a1', ' 57', '057']) {
      expect(geo.province(bad) ?? geo.amphoe(bad) ?? geo.tambon(bad)).toBeUndefined();
    }
  });
});

describe('provinceOfCode', () => {
  it('finds the province of a province, amphoe or tambon code', () => {
    const chiangRai = geo.province(CHIANG_RAI);
    expect(chiangRai?.nameEn).toBe('Chiang Rai');
    for (const code of [CHIANG_RAI, '5701', '570101']) expect(geo.provinceOfCode(code)).toBe(chiangRai);
  });

  it('is undefined when the code itself is unknown', () => {
    for (const code of ['', '5', '5799', '579999', '5701011']) expect(geo.provinceOfCode(code)).toBeUndefined();
  });
});

describe('code validation', () => {
  it('accepts exactly the known codes of each level', () => {
    for (const t of geo.tambons.slice(0, 50)) {
      expect(geo.isValidTambonCode(t.code)).toBe(true);
      expect(geo.isValidAmphoeCode(t.amphoeCode)).toBe(true);
      expect(geo.isValidProvinceCode(t.provinceCode)).toBe(true);
      expect(geo.isValidTambonCode(t.amphoeCode)).toBe(false);
      expect(geo.isValidAmphoeCode(t.code)).toBe(false);
    }
  });

  it.each(['', '999999', '570100', '5701', 'abcdef', ' 570101', '570101 '])('rejects tambon code %j', (code) => {
    expect(geo.isValidTambonCode(code)).toBe(false);
  });

  it('rejects unknown amphoe and province codes', () => {
    expect(geo.isValidAmphoeCode('5799')).toBe(false);
    expect(geo.isValidProvinceCode('99')).toBe(false);
    expect(geo.isValidProvinceCode('')).toBe(false);
  });
});

describe('findTambonByName', () => {
  it('finds every tambon of a repeated name, narrowed by amphoe', () => {
    const all = geo.findTambonByName('เวียง');
    expect(all.length).toBe(rawSubdistricts.filter((s) => s.subdistrictNameTh === 'เวียง').length);
    expect(all.length).toBeGreaterThan(1);
    expect(geo.findTambonByName('เวียง', '5701').map((t) => t.code)).toEqual(['570101']);
  });

  it('ignores a ตำบล / ต. / แขวง title and encoding differences', () => {
    const expected = geo.findTambonByName('เวียง');
    expect(geo.findTambonByName('ตำบลเวียง')).toEqual(expected);
    expect(geo.findTambonByName('ต.เวียง')).toEqual(expected);
    expect(geo.findTambonByName(' ต. เวียง ')).toEqual(expected);
    expect(geo.findTambonByName('แขวงพระบรมมหาราชวัง').map((t) => t.code)).toEqual(['100101']);
    const withSaraAm = geo.tambons.find((t) => t.nameTh.includes('\u0E33'));
    expect(withSaraAm).toBeDefined();
    const typedApart = (withSaraAm?.nameTh ?? '').replace('\u0E33', '\u0E4D\u0E32');
    expect(geo.findTambonByName(typedApart)).toContain(withSaraAm);
  });

  it('finds a name that is itself an abbreviation', () => {
    expect(geo.findTambonByName('จ.ป.ร.').map((t) => t.nameTh)).toEqual(['จ.ป.ร.']);
  });

  it('is empty for an unknown name or an amphoe without it', () => {
    expect(geo.findTambonByName('ไม่มีตำบลนี้')).toEqual([]);
    expect(geo.findTambonByName('')).toEqual([]);
    expect(geo.findTambonByName('เวียง', '1001')).toEqual([]);
  });
});

describe('describePlace', () => {
  it('writes ต. อ. จ. for a tambon, amphoe or province', () => {
    const t = geo.tambon('570101');
    const a = geo.amphoe('5701');
    const p = geo.province(CHIANG_RAI);
    expect(geo.describePlace('570101')).toBe(`ต.${t?.nameTh} อ.${a?.nameTh} จ.${p?.nameTh}`);
    expect(geo.describePlace('570101')).toBe('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย');
    expect(geo.describePlace('5701')).toBe(`อ.${a?.nameTh} จ.${p?.nameTh}`);
    expect(geo.describePlace(CHIANG_RAI)).toBe(`จ.${p?.nameTh}`);
  });

  it('writes แขวง and เขต for Bangkok, which is not a จังหวัด', () => {
    expect(geo.province(BANGKOK_PROVINCE_CODE)?.nameTh).toBe('กรุงเทพมหานคร');
    expect(geo.describePlace('100101')).toBe('แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร');
    expect(geo.describePlace('1001')).toBe('เขตพระนคร กรุงเทพมหานคร');
    expect(geo.describePlace(BANGKOK_PROVINCE_CODE)).toBe('กรุงเทพมหานคร');
  });

  it('describes every tambon with its own names', () => {
    for (const t of geo.tambons) {
      const place = geo.describePlace(t.code) ?? '';
      expect(place.endsWith(geo.province(t.provinceCode)?.nameTh ?? '?')).toBe(true);
      expect(place).toContain(geo.amphoe(t.amphoeCode)?.nameTh ?? '?');
      expect(place).toContain(t.nameTh);
    }
  });

  it('is undefined for an unknown code', () => {
    for (const code of ['', '99', '5799', '579999', 'x']) expect(geo.describePlace(code)).toBeUndefined();
  });
});

describe('ThaiGeography from raw arrays', () => {
  const tiny: RawThaiGeography = {
    provinces: [{ provinceCode: 57, provinceNameTh: 'เชียงราย', provinceNameEn: 'Chiang Rai' }],
    districts: [
      { provinceCode: 57, districtCode: 5701, districtNameTh: 'เมืองเชียงราย', districtNameEn: 'Mueang Chiang Rai', postalCode: 57000 },
    ],
    subdistricts: [
      { provinceCode: 57, districtCode: 5701, subdistrictCode: 570101, subdistrictNameTh: 'เวียง', subdistrictNameEn: 'Wiang', postalCode: 57000 },
    ],
  };

  it('builds from any source of the same shape', () => {
    const small = new ThaiGeography(tiny);
    expect(small.describePlace('570101')).toBe('ต.เวียง อ.เมืองเชียงราย จ.เชียงราย');
    expect(small.tambon('570101')?.postalCode).toBe('57000');
  });

  it('pads codes that lost their leading zeros', () => {
    const padded = new ThaiGeography({
      provinces: [{ provinceCode: 1, provinceNameTh: 'ก', provinceNameEn: 'A' }],
      districts: [{ provinceCode: 1, districtCode: 101, districtNameTh: 'ข', districtNameEn: 'B', postalCode: 1000 }],
      subdistricts: [],
    });
    expect(padded.province('01')?.nameEn).toBe('A');
    expect(padded.amphoe('0101')?.postalCode).toBe('01000');
  });

  it('rejects repeated, malformed and orphaned codes', () => {
    const [province] = tiny.provinces;
    const [district] = tiny.districts;
    const [subdistrict] = tiny.subdistricts;
    if (!province || !district || !subdistrict) throw new Error('fixture');
    const broken: RawThaiGeography[] = [
      { ...tiny, provinces: [province, province] },
      { ...tiny, provinces: [{ ...province, provinceCode: 570 }] },
      { ...tiny, provinces: [{ ...province, provinceCode: 5.7 }] },
      { ...tiny, districts: [district, district] },
      { ...tiny, districts: [{ ...district, provinceCode: 50 }] },
      { ...tiny, districts: [{ ...district, districtCode: 5001 }] },
      { ...tiny, districts: [{ ...district, postalCode: 570000 }] },
      { ...tiny, subdistricts: [subdistrict, subdistrict] },
      { ...tiny, subdistricts: [{ ...subdistrict, districtCode: 5702, subdistrictCode: 570201 }] },
      { ...tiny, subdistricts: [{ ...subdistrict, subdistrictCode: 570201 }] },
      { ...tiny, subdistricts: [{ ...subdistrict, provinceCode: 50 }] },
    ];
    for (const raw of broken) expect(() => new ThaiGeography(raw)).toThrow();
  });
});
