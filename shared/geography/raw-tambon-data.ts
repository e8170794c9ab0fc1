// The tambon of data/ (most of its 1.6 MB), in a module of their own so that loadThaiAmphoes does
// not fetch them. Statically imported with the attribute for the reason in raw-amphoe-data.ts.
import subdistricts from './data/subdistricts.json' with { type: 'json' };
import type { RawThaiGeography } from './thai-geography';

export const rawTambonData: RawThaiGeography['subdistricts'] = subdistricts;
