import type { ThaiGeography, Tambon } from '../geography/thai-geography';
import { normaliseThaiText } from '../thai/search-tokens';

export type PlaceResolution =
  | { ok: true; tambonCode: string }
  | { ok: false; reason: 'unknown' | 'out-of-province' }
  /** The name fits several tambon of the province: the user is asked which (candidates in code order). */
  | { ok: false; reason: 'ambiguous'; candidates: string[] };

/** Finds the tambon a row names, by DOPA code or by name (narrowed by amphoe and province names). */
export interface PlaceResolver {
  resolveTambon(tambon: string, amphoe: string, province: string): PlaceResolution;
}

const AMPHOE_TITLE = /^(?:อำเภอ|อ\.|เขต) ?/;
const PROVINCE_TITLE = /^(?:จังหวัด|จ\.) ?/;
// "ต.เวียง อ.เมือง" (or "ตำบลเวียง อำเภอเมืองเชียงราย") in the tambon column.
const TAMBON_AND_AMPHOE = /^((?:ตำบล|ต\.|แขวง) ?\S+) +((?:อำเภอ|อ\.|เขต) ?\S+)$/;

function nameKey(name: string, title: RegExp): string {
  return normaliseThaiText(name).replace(title, '').replace(/\s+/g, '');
}

/** The key a question about an ambiguous name is asked (and its answer kept) under. */
export function placeQuestionKey(tambon: string, amphoe: string): string {
  return `${normaliseThaiText(tambon).replace(/\s+/g, '')}|${nameKey(amphoe, AMPHOE_TITLE)}`;
}

/**
 * A resolver over the shipped DOPA data, limited to the office's province. Amphoe may be given by
 * name (with or without อ./อำเภอ), as "เมือง" for the province's capital district, or by code.
 * Where a name fits several tambon and the user works for one district, the ones there are meant.
 */
export function geographyPlaceResolver(geography: ThaiGeography, provinceCode: string, districtCode: string | null = null): PlaceResolver {
  const amphoeMatches = (tambon: Tambon, amphoe: string): boolean => {
    const code = amphoe.replace(/\s/g, '');
    if (/^\d{4}$/.test(code)) return tambon.amphoeCode === code;
    const key = nameKey(amphoe, AMPHOE_TITLE);
    const name = nameKey(geography.amphoe(tambon.amphoeCode)?.nameTh ?? '', AMPHOE_TITLE);
    // "อ.เมือง" is how everyone writes the capital district (อำเภอเมืองเชียงราย).
    return name === key || (key === 'เมือง' && name === `เมือง${nameKey(geography.province(tambon.provinceCode)?.nameTh ?? '', PROVINCE_TITLE)}`);
  };
  return {
    resolveTambon(tambonText, amphoeText, province) {
      let tambon = tambonText;
      let amphoe = amphoeText;
      const both = TAMBON_AND_AMPHOE.exec(normaliseThaiText(tambon));
      if (both && !amphoe.trim()) [tambon, amphoe] = [both[1]!, both[2]!];
      const code = tambon.replace(/\s/g, '');
      if (/^\d{6}$/.test(code)) {
        if (!geography.isValidTambonCode(code)) return { ok: false, reason: 'unknown' };
        return code.startsWith(provinceCode) ? { ok: true, tambonCode: code } : { ok: false, reason: 'out-of-province' };
      }
      let found = geography.findTambonByName(tambon);
      if (found.length === 0) return { ok: false, reason: 'unknown' };
      if (province.trim()) {
        const key = nameKey(province, PROVINCE_TITLE);
        found = found.filter((t) => nameKey(geography.province(t.provinceCode)?.nameTh ?? '', PROVINCE_TITLE) === key);
      }
      if (amphoe.trim()) found = found.filter((t) => amphoeMatches(t, amphoe));
      if (found.length === 0) return { ok: false, reason: 'unknown' };
      let inProvince = found.filter((t) => t.provinceCode === provinceCode);
      if (inProvince.length === 0) return { ok: false, reason: 'out-of-province' };
      const inDistrict = districtCode ? inProvince.filter((t) => t.amphoeCode === districtCode) : [];
      if (inDistrict.length > 0) inProvince = inDistrict;
      if (inProvince.length > 1) return { ok: false, reason: 'ambiguous', candidates: inProvince.map((t) => t.code) };
      return { ok: true, tambonCode: inProvince[0]!.code };
    },
  };
}
