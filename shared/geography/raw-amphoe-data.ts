// The provinces and amphoe of data/, as one module that thai-geography.ts imports dynamically.
// The JSON is imported statically, with its import attribute: Node needs the attribute, and Vite's
// dev server strips it from static imports only — a dynamic import('….json', { with: … }) reaches
// the browser as a JSON-module request that Vite answers with JavaScript, and Chromium refuses it.
import provinces from './data/provinces.json' with { type: 'json' };
import districts from './data/districts.json' with { type: 'json' };
import type { RawThaiGeography } from './thai-geography';
import { TAMBON_COUNTS } from './tambon-counts';

export const rawAmphoeData: Pick<RawThaiGeography, 'provinces' | 'districts' | 'tambonCounts'> = { provinces, districts, tambonCounts: TAMBON_COUNTS };
