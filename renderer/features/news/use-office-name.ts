import provinces from '../../../shared/geography/data/provinces.json';
import { useSession } from '../../app/session-store';
import { useTranslate } from '../../app/use-translate';

// The 77 province names (10 kB) are bundled here rather than waiting for the full DOPA data set
// (1.6 MB, loaded on demand): exports and previews must name the office offline, at once.
const PROVINCE_NAMES = new Map(provinces.map((p) => [String(p.provinceCode).padStart(2, '0'), p.provinceNameTh]));

/** "สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย", from the work scope's province. */
export function useOfficeName(): string {
  const t = useTranslate();
  const provinceCode = useSession((s) => s.scope.provinceCode);
  return `${t('app.office')}${PROVINCE_NAMES.get(provinceCode) ?? ''}`;
}
