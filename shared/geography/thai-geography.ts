// Thailand's administrative geography with DOPA codes: จังหวัด (2 digits), อำเภอ/เขต (4) and
// ตำบล/แขวง (6), each code starting with its parent's. The data (data/, 1.6 MB of JSON) is loaded
// lazily by loadThaiGeography so it stays out of the first screen's bundle; ThaiGeography itself
// takes the raw arrays, so tests and tools can build one from any source.
import { compareThai } from '../thai/thai-collation';
import { normaliseThaiText } from '../thai/search-tokens';

export interface Province {
  /** Two digits, e.g. "57". */
  code: string;
  nameTh: string;
  nameEn: string;
}

export interface Amphoe {
  /** Four digits, e.g. "5701". */
  code: string;
  provinceCode: string;
  nameTh: string;
  nameEn: string;
  postalCode: string;
}

export interface Tambon {
  /** Six digits, e.g. "570101". */
  code: string;
  amphoeCode: string;
  provinceCode: string;
  nameTh: string;
  nameEn: string;
  postalCode: string;
}

/** The shape of the thailand-geography-json files (codes as numbers). */
export interface RawProvince {
  provinceCode: number;
  provinceNameTh: string;
  provinceNameEn: string;
}

export interface RawDistrict {
  provinceCode: number;
  districtCode: number;
  districtNameTh: string;
  districtNameEn: string;
  postalCode: number;
}

export interface RawSubdistrict {
  provinceCode: number;
  districtCode: number;
  subdistrictCode: number;
  subdistrictNameTh: string;
  subdistrictNameEn: string;
  postalCode: number;
}

export interface RawThaiGeography {
  provinces: readonly RawProvince[];
  districts: readonly RawDistrict[];
  subdistricts: readonly RawSubdistrict[];
  /** Tambon per amphoe code (tambon-counts.ts), for a geography loaded without its tambon. */
  tambonCounts?: Readonly<Record<string, number>>;
}

/** Bangkok is not a จังหวัด: its districts are เขต and its subdistricts แขวง. */
export const BANGKOK_PROVINCE_CODE = '10';

function padCode(value: number, digits: number, what: string): string {
  const text = String(value).padStart(digits, '0');
  if (!Number.isInteger(value) || value < 0 || text.length !== digits) {
    throw new Error(`Bad ${what} code ${value}: expected ${digits} digits`);
  }
  return text;
}

function postalCode(value: number, what: string): string {
  return padCode(value, 5, `postal (${what})`);
}

// Typed names may carry the unit's title ("ตำบลเวียง", "ต.เวียง", "แขวงดุสิต"); the data does not.
const TAMBON_TITLE = /^(?:ตำบล|แขวง|ต\.) ?/;

function tambonNameKey(name: string): string {
  return normaliseThaiText(name).replace(TAMBON_TITLE, '');
}

function byThaiName(a: { nameTh: string }, b: { nameTh: string }): number {
  return compareThai(a.nameTh, b.nameTh);
}

// Codes are fixed-width digit strings, so string order is code order.
function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class ThaiGeography {
  /** Sorted by Thai name, for pickers. */
  readonly provinces: readonly Province[];
  /** In code order. */
  readonly amphoes: readonly Amphoe[];
  /** In code order. */
  readonly tambons: readonly Tambon[];

  private readonly provinceByCode = new Map<string, Province>();
  private readonly amphoeByCode = new Map<string, Amphoe>();
  private readonly tambonByCode = new Map<string, Tambon>();
  private readonly amphoesByProvince = new Map<string, Amphoe[]>();
  private readonly tambonsByAmphoe = new Map<string, Tambon[]>();
  private readonly tambonsByName = new Map<string, Tambon[]>();
  private readonly tambonCounts: Readonly<Record<string, number>>;

  /** Throws if a code is malformed, repeated, or does not start with its parent's code. */
  constructor(raw: RawThaiGeography) {
    this.tambonCounts = raw.tambonCounts ?? {};
    for (const p of raw.provinces) {
      const province: Province = Object.freeze({
        code: padCode(p.provinceCode, 2, 'province'),
        nameTh: p.provinceNameTh,
        nameEn: p.provinceNameEn,
      });
      if (this.provinceByCode.has(province.code)) throw new Error(`Province ${province.code} appears twice`);
      this.provinceByCode.set(province.code, province);
    }

    for (const d of raw.districts) {
      const amphoe: Amphoe = Object.freeze({
        code: padCode(d.districtCode, 4, 'amphoe'),
        provinceCode: padCode(d.provinceCode, 2, 'province'),
        nameTh: d.districtNameTh,
        nameEn: d.districtNameEn,
        postalCode: postalCode(d.postalCode, `amphoe ${d.districtCode}`),
      });
      if (this.amphoeByCode.has(amphoe.code)) throw new Error(`Amphoe ${amphoe.code} appears twice`);
      if (!amphoe.code.startsWith(amphoe.provinceCode) || !this.provinceByCode.has(amphoe.provinceCode)) {
        throw new Error(`Amphoe ${amphoe.code} is not in a known province ${amphoe.provinceCode}`);
      }
      this.amphoeByCode.set(amphoe.code, amphoe);
      addTo(this.amphoesByProvince, amphoe.provinceCode, amphoe);
    }

    for (const s of raw.subdistricts) {
      const tambon: Tambon = Object.freeze({
        code: padCode(s.subdistrictCode, 6, 'tambon'),
        amphoeCode: padCode(s.districtCode, 4, 'amphoe'),
        provinceCode: padCode(s.provinceCode, 2, 'province'),
        nameTh: s.subdistrictNameTh,
        nameEn: s.subdistrictNameEn,
        postalCode: postalCode(s.postalCode, `tambon ${s.subdistrictCode}`),
      });
      if (this.tambonByCode.has(tambon.code)) throw new Error(`Tambon ${tambon.code} appears twice`);
      const amphoe = this.amphoeByCode.get(tambon.amphoeCode);
      if (!tambon.code.startsWith(tambon.amphoeCode) || amphoe?.provinceCode !== tambon.provinceCode) {
        throw new Error(`Tambon ${tambon.code} is not in a known amphoe ${tambon.amphoeCode}`);
      }
      this.tambonByCode.set(tambon.code, tambon);
      addTo(this.tambonsByAmphoe, tambon.amphoeCode, tambon);
      addTo(this.tambonsByName, tambonNameKey(tambon.nameTh), tambon);
    }

    // Every caller shares these objects and lists: freeze them so none can change them for the rest.
    for (const list of this.amphoesByProvince.values()) Object.freeze(list.sort(byThaiName));
    for (const list of this.tambonsByAmphoe.values()) Object.freeze(list.sort(byThaiName));
    for (const list of this.tambonsByName.values()) Object.freeze(list.sort(byCode));
    this.provinces = Object.freeze([...this.provinceByCode.values()].sort(byThaiName));
    this.amphoes = Object.freeze([...this.amphoeByCode.values()].sort(byCode));
    this.tambons = Object.freeze([...this.tambonByCode.values()].sort(byCode));
  }

  province(code: string): Province | undefined {
    return this.provinceByCode.get(code);
  }

  amphoe(code: string): Amphoe | undefined {
    return this.amphoeByCode.get(code);
  }

  tambon(code: string): Tambon | undefined {
    return this.tambonByCode.get(code);
  }

  /** The amphoe (เขต in Bangkok) of a province, in Thai order; empty for an unknown province. */
  amphoesOf(provinceCode: string): readonly Amphoe[] {
    return this.amphoesByProvince.get(provinceCode) ?? [];
  }

  /** The tambon (แขวง in Bangkok) of an amphoe, in Thai order; empty for an unknown amphoe. */
  tambonsOf(amphoeCode: string): readonly Tambon[] {
    return this.tambonsByAmphoe.get(amphoeCode) ?? [];
  }

  /** How many tambon an amphoe has: known without the tambon themselves when the counts were given. */
  tambonCountOf(amphoeCode: string): number {
    return this.tambonsByAmphoe.get(amphoeCode)?.length ?? this.tambonCounts[amphoeCode] ?? 0;
  }

  /** The province of a known province, amphoe or tambon code; undefined for an unknown code. */
  provinceOfCode(anyCode: string): Province | undefined {
    const known = this.provinceByCode.has(anyCode) || this.amphoeByCode.has(anyCode) || this.tambonByCode.has(anyCode);
    return known ? this.provinceByCode.get(anyCode.slice(0, 2)) : undefined;
  }

  isValidProvinceCode(code: string): boolean {
    return this.provinceByCode.has(code);
  }

  isValidAmphoeCode(code: string): boolean {
    return this.amphoeByCode.has(code);
  }

  isValidTambonCode(code: string): boolean {
    return this.tambonByCode.has(code);
  }

  /**
   * Tambon with this Thai name, in code order. Names repeat across the country (there are many
   * "หนองบัว"), so pass the amphoe to narrow it to one. "ตำบล", "ต." or "แขวง" in front is ignored.
   */
  findTambonByName(nameTh: string, amphoeCode?: string): readonly Tambon[] {
    const found = this.tambonsByName.get(tambonNameKey(nameTh)) ?? [];
    return amphoeCode === undefined ? found : found.filter((t) => t.amphoeCode === amphoeCode);
  }

  /**
   * "ต.เวียง อ.เมืองเชียงราย จ.เชียงราย" for a tambon, "อ.… จ.…" for an amphoe, "จ.…" for a
   * province; Bangkok reads "แขวง… เขต… กรุงเทพมหานคร". Undefined for an unknown code.
   */
  describePlace(code: string): string | undefined {
    // Each map holds codes of one length, so an unknown code falls through every lookup.
    const tambon = this.tambonByCode.get(code);
    const amphoe = this.amphoeByCode.get(tambon ? tambon.amphoeCode : code);
    const province = this.provinceByCode.get(amphoe ? amphoe.provinceCode : code);
    if (!province) return undefined;
    const bangkok = province.code === BANGKOK_PROVINCE_CODE;
    const parts: string[] = [];
    if (tambon) parts.push(`${bangkok ? 'แขวง' : 'ต.'}${tambon.nameTh}`);
    if (amphoe) parts.push(`${bangkok ? 'เขต' : 'อ.'}${amphoe.nameTh}`);
    parts.push(bangkok ? province.nameTh : `จ.${province.nameTh}`);
    return parts.join(' ');
  }
}

let loading: Promise<ThaiGeography> | undefined;
let loadingAmphoes: Promise<ThaiAmphoes> | undefined;

/** Loads the bundled data once (a separate chunk in the renderer) and shares the result. */
export function loadThaiGeography(): Promise<ThaiGeography> {
  loading ??= (async () => {
    const [{ rawAmphoeData }, { rawTambonData }] = await Promise.all([import('./raw-amphoe-data'), import('./raw-tambon-data')]);
    return new ThaiGeography({ ...rawAmphoeData, subdistricts: rawTambonData });
  })();
  // A failed load (a missing chunk after an update, say) may succeed on the next try.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Provinces and their amphoe, and how many tambon each amphoe has, without the tambon. */
export type ThaiAmphoes = Pick<ThaiGeography, 'provinces' | 'amphoes' | 'province' | 'amphoe' | 'amphoesOf' | 'tambonCountOf'>;

/**
 * Provinces and amphoe only, for a district picker or filter: a twentieth of the data and of the
 * work of loadThaiGeography (the 7,436 tambon are most of both). The whole geography when it is
 * already loaded.
 */
export function loadThaiAmphoes(): Promise<ThaiAmphoes> {
  if (loading) return loading;
  loadingAmphoes ??= (async () => {
    const { rawAmphoeData } = await import('./raw-amphoe-data');
    return new ThaiGeography({ ...rawAmphoeData, subdistricts: [] });
  })();
  loadingAmphoes.catch(() => {
    loadingAmphoes = undefined;
  });
  return loadingAmphoes;
}
