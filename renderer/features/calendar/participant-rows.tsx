import type { GroupDraft } from '../../../shared/calendar/event-draft';
import { useTranslate } from '../../app/use-translate';

interface ParticipantRowsProps {
  id: string;
  legend: string;
  rows: GroupDraft[];
  onChange(rows: GroupDraft[]): void;
  /** Row numbers (0-based) with a problem, for aria-invalid. */
  invalidRows: ReadonlySet<number>;
  errorId?: string;
}

/** Participants by group (as the seed article counts them), with a running total. */
export function ParticipantRows({ id, legend, rows, onChange, invalidRows, errorId }: ParticipantRowsProps) {
  const t = useTranslate();
  const total = rows.reduce((sum, r) => sum + (/^\d+$/.test(r.count.trim()) ? Number(r.count) : 0), 0);
  const set = (index: number, patch: Partial<GroupDraft>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className="participant-rows" aria-describedby={errorId}>
      <legend>{legend}</legend>
      {rows.map((row, index) => (
        <div className="participant-row" key={index}>
          <input
            aria-label={`${t('calendar.form.group')} ${index + 1}`}
            id={`${id}-group-${index}`}
            value={row.group}
            onChange={(e) => set(index, { group: e.target.value })}
            aria-invalid={invalidRows.has(index) || undefined}
          />
          <input
            aria-label={`${t('calendar.form.count')} ${index + 1}`}
            inputMode="numeric"
            className="count"
            value={row.count}
            onChange={(e) => set(index, { count: e.target.value })}
            aria-invalid={invalidRows.has(index) || undefined}
          />
          <button type="button" className="icon-button" aria-label={t('calendar.form.removeGroup', { group: row.group || String(index + 1) })} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            ✕
          </button>
        </div>
      ))}
      <div className="participant-foot">
        <button type="button" className="button secondary" onClick={() => onChange([...rows, { group: '', count: '' }])}>
          {t('calendar.form.addGroup')}
        </button>
        <span>{t('calendar.form.groupTotal', { count: total })}</span>
      </div>
    </fieldset>
  );
}
