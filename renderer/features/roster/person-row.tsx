import { maskedNationalId } from '../../../shared/roster/personal-data-redaction';
import { formatPhone } from '../../../shared/thai/phone-number';
import { useNavigation } from '../../app/navigation-store';
import { useDateFormat } from '../../app/use-date-format';
import type { LocalRecord } from '../../db/local-record';
import { dateOfIso } from './iso-dates';

/** A person's name as Thai documents write it: the title glued to the first name. */
export function fullName(p: { title: string; firstName: string; lastName: string }): string {
  return `${p.title}${p.firstName} ${p.lastName}`.trim();
}

/** One line of a committee table; the ID is always masked here. */
export function PersonRow({ person }: { person: LocalRecord<'members'> }) {
  const navigate = useNavigation((s) => s.navigate);
  const dates = useDateFormat();
  return (
    <tr>
      <th scope="row">
        <a href={`#/roster/person/${person.id}`} onClick={(e) => (e.preventDefault(), navigate('roster', 'person', person.id))}>
          {fullName(person)}
        </a>
      </th>
      <td>{person.role}</td>
      <td>{person.sector}</td>
      <td className="nowrap">{person.phone ? formatPhone(person.phone) : ''}</td>
      <td className="nowrap mono">{person.nationalId ? maskedNationalId(person.nationalId) : ''}</td>
      <td className="nowrap">{person.termEnd ? dates.shortDate(dateOfIso(person.termEnd)) : ''}</td>
    </tr>
  );
}
