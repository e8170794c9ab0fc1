import { printToPdf } from '../../app/print-to-pdf';
import { useLiveQuery } from 'dexie-react-hooks';
import { maskedNationalId } from '../../../shared/roster/personal-data-redaction';
import { formatPhone } from '../../../shared/thai/phone-number';
import { useNavigation } from '../../app/navigation-store';
import { useDateFormat } from '../../app/use-date-format';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { dateOfIso } from './iso-dates';
import { fullName } from './person-row';
import { useRosterData } from './use-roster-data';

/** A printable roster of a centre (tambon) or an amphoe, in Sarabun; IDs masked, as on paper they travel. */
export function PrintRoster({ level, code }: { level: 'tambon' | 'amphoe'; code: string }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const geography = useThaiGeography();
  const navigate = useNavigation((s) => s.navigate);
  const { people, data } = useRosterData();
  const rows = useLiveQuery(() => people.underPlace(code), [people, code]);
  const centres = useLiveQuery(() => data.roster.centres(), [data]);
  if (!rows || !centres || !geography) return <p>{t('common.loading')}</p>;
  const byTambon = new Map<string, typeof rows>();
  for (const p of rows) byTambon.set(p.tambonCode, [...(byTambon.get(p.tambonCode) ?? []), p]);
  const tambons = [...byTambon.keys()].sort((a, b) => (geography.tambon(a)?.nameTh ?? a).localeCompare(geography.tambon(b)?.nameTh ?? b, 'th'));

  return (
    <article className="roster-print">
      <div className="no-print roster-actions">
        <button type="button" className="button primary" onClick={() => void printToPdf(t('roster.title'))}>
          {t('roster.print.now')}
        </button>
        <button type="button" className="button secondary" onClick={() => navigate('roster', level, code)}>
          {t('roster.print.back')}
        </button>
      </div>
      <h1>{t('roster.print.title')}</h1>
      <p className="print-place">{geography.describePlace(code) ?? code}</p>
      <p className="muted">{t('roster.print.date', { date: dates.longDate(new Date()) })}</p>
      {tambons.length === 0 && <p>{t('roster.committee.empty')}</p>}
      {tambons.map((tc) => {
        const centre = centres.find((c) => c.tambonCode === tc);
        return (
          <section key={tc} className="print-centre">
            <h2>{centre?.name ?? t('roster.tambon', { name: geography.tambon(tc)?.nameTh ?? tc })}</h2>
            {centre && (centre.orderNumber || centre.location) && (
              <p>
                {centre.location && `${t('roster.place')}: ${centre.location}`} {centre.orderNumber && t('roster.print.order', { number: centre.orderNumber, date: centre.orderDate ? dates.longDate(dateOfIso(centre.orderDate)) : '' })}
              </p>
            )}
            <table className="roster-table">
              <thead>
                <tr>
                  <th>{t('roster.print.no')}</th>
                  <th>{t('roster.col.name')}</th>
                  <th>{t('roster.field.role')}</th>
                  <th>{t('roster.field.sector')}</th>
                  <th>{t('roster.field.village')}</th>
                  <th>{t('roster.field.phone')}</th>
                  <th>{t('roster.field.nationalId')}</th>
                  <th>{t('roster.field.termEnd')}</th>
                </tr>
              </thead>
              <tbody>
                {byTambon.get(tc)!.map((p, i) => (
                  <tr key={p.id}>
                    <td>{i + 1}</td>
                    <td>{fullName(p)}</td>
                    <td>{p.role}</td>
                    <td>{p.sector}</td>
                    <td>{p.village ?? ''}</td>
                    <td className="nowrap">{p.phone ? formatPhone(p.phone) : ''}</td>
                    <td className="nowrap">{p.nationalId ? maskedNationalId(p.nationalId) : ''}</td>
                    <td className="nowrap">{p.termEnd ? dates.shortDate(dateOfIso(p.termEnd)) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </article>
  );
}
