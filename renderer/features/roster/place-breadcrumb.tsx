import type { ThaiGeography } from '../../../shared/geography/thai-geography';
import { useNavigation } from '../../app/navigation-store';
import { useTranslate } from '../../app/use-translate';

/** จังหวัด › อำเภอ › ตำบล, each a link back up. */
export function PlaceBreadcrumb({ geography, code }: { geography: ThaiGeography; code: string }) {
  const t = useTranslate();
  const navigate = useNavigation((s) => s.navigate);
  const province = geography.province(code.slice(0, 2));
  const amphoe = code.length >= 4 ? geography.amphoe(code.slice(0, 4)) : undefined;
  const tambon = code.length === 6 ? geography.tambon(code) : undefined;
  return (
    <nav aria-label={t('roster.breadcrumb')} className="roster-breadcrumb">
      <ol>
        <li>
          <a href="#/roster" onClick={(e) => (e.preventDefault(), navigate('roster'))}>
            {t('roster.province', { name: province?.nameTh ?? code.slice(0, 2) })}
          </a>
        </li>
        {amphoe && (
          <li>
            <a href={`#/roster/amphoe/${amphoe.code}`} aria-current={code.length === 4 ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate('roster', 'amphoe', amphoe.code))}>
              {t('roster.amphoe', { name: amphoe.nameTh })}
            </a>
          </li>
        )}
        {tambon && (
          <li aria-current="page">
            {t('roster.tambon', { name: tambon.nameTh })}
          </li>
        )}
      </ol>
    </nav>
  );
}
