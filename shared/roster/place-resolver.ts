import type { ThaiGeography } from '../geography/thai-geography';
import { normaliseThaiText } from '../thai/search-tokens';

export type PlaceResolution = { ok: true; tambonCode: string } | { ok: false; reason: 'unknown' | 'ambiguous' | 'out-of-province' };

/** Finds the tambon a row names, by DOPA code or by name (narrowed by amphoe and province names). */
export interface PlaceResolver {
  resolveTambon(tambon: string, amphoe: string, province: string): PlaceResolution;
}

const AMPHOE_TITLE = /^(?:อำเภอ|อ\.|เขต) ?/;
const PROVINCE_TITLE = /^(?:จังหวัด|จ\.) ?/;

function nameKey(name: string, title: RegExp): string {
  return normaliseThaiText(name).replace(title, '').replace(/\s+/g, '');
}

/** A resolver over the shipped DOPA data, limited to the office's province. */
export function geographyPlaceResolver(geography: ThaiGeography, provinceCode: string): PlaceResolver {
  return {
    resolveTambon(tambon, amphoe, province) {
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
      if (amphoe.trim()) {
        const key = nameKey(amphoe, AMPHOE_TITLE);
        found = found.filter((t) => nameKey(geography.amphoe(t.amphoeCode)?.nameTh ?? '', AMPHOE_TITLE) === key);
      }
      if (found.length === 0) return { ok: false, reason: 'unknown' };
      const inProvince = found.filter((t) => t.provinceCode === provinceCode);
      if (inProvince.length === 0) return { ok: false, reason: 'out-of-province' };
      if (inProvince.length > 1) return { ok: false, reason: 'ambiguous' };
      return { ok: true, tambonCode: inProvince[0]!.code };
    },
  };
}
