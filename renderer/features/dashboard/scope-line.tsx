import { useThaiAmphoes } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { useOverviewScope } from './use-overview';

/**
 * Whose figures these are, and the amphoe filter — the calendar's own (choosing an amphoe here shows
 * the same amphoe there). An officer's overview is fixed to their district.
 */
export function ScopeLine() {
  const t = useTranslate();
  const places = useThaiAmphoes();
  const { scope, locked, setDistrict } = useOverviewScope();
  const province = places?.province(scope.provinceCode);
  return (
    <div className="overview-scope">
      <label htmlFor="overview-district">{t('overview.scope.label')}</label>
      <select id="overview-district" value={scope.districtCode ?? ''} disabled={locked} onChange={(e) => setDistrict(e.target.value)} data-testid="overview-district">
        {!locked && <option value="">{t('overview.scope.province', { name: province?.nameTh ?? scope.provinceCode })}</option>}
        {(places?.amphoesOf(scope.provinceCode) ?? []).map((a) => (
          <option key={a.code} value={a.code}>
            {t('overview.amphoe', { name: a.nameTh })}
          </option>
        ))}
      </select>
      {locked && <span className="muted">{t('overview.scope.officer')}</span>}
    </div>
  );
}
