import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { showInvisible, type DateSystem } from '../../../shared/roster/import-cell';
import { ROSTER_FIELD_LABELS } from '../../../shared/roster/roster-columns';
import type { CellConversion, ConversionKind, ValidatedRow } from '../../../shared/roster/row-validation';
import { formatNationalId } from '../../../shared/thai/national-id';
import { formatPhone } from '../../../shared/thai/phone-number';
import type { MessageKey } from '../../app/i18n/translate';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';

const ROW_HEIGHT = 36;

type Listed = CellConversion & { rowNumber: number };

/**
 * Every value the import changes from what the file said (an ID typed as a number, a date read as
 * BE or CE text or an Excel day number, a phone given its 0 back, invisible characters removed),
 * beside what the file said, so nothing is changed silently. Counted by kind, every one listed
 * (a virtualised list: a file of 20,000 rows may have tens of thousands).
 */
export function ImportConversions({ rows, headers, dateSystem }: { rows: readonly ValidatedRow[]; headers: readonly string[]; dateSystem: DateSystem }) {
  const t = useTranslate();
  const dates = useDateFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const listed = useMemo(() => rows.flatMap((r) => r.conversions.map((c): Listed => ({ ...c, rowNumber: r.rowNumber }))), [rows]);
  const counts = useMemo(() => {
    const byKind = new Map<ConversionKind, number>();
    for (const c of listed) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    return [...byKind];
  }, [listed]);
  const virtualizer = useVirtualizer({ count: listed.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  if (listed.length === 0) return null;

  const stored = (c: Listed): string => {
    if (c.kind.startsWith('date-')) {
      const [y, m, d] = c.to.split('-').map(Number) as [number, number, number];
      return dates.shortDate(new Date(y, m - 1, d));
    }
    if (c.field === 'nationalId') return formatNationalId(c.to) ?? c.to;
    if (c.field === 'phone') return formatPhone(c.to) ?? c.to;
    return c.to;
  };
  const kindText = (kind: ConversionKind) => t(`roster.import.conversion.${kind}` as MessageKey, { system: String(dateSystem) });

  return (
    <section className="import-conversions" aria-labelledby="import-conversions-title" data-testid="import-conversions">
      <h4 id="import-conversions-title">{t('roster.import.conversions', { count: listed.length })}</h4>
      <p className="muted">{counts.map(([kind, n]) => `${kindText(kind)} ${n.toLocaleString('th-TH')}`).join(' · ')}</p>
      <div className="conversion-row conversion-head" aria-hidden="true">
        <span>{t('roster.import.row')}</span>
        <span>{t('roster.import.conversionColumn')}</span>
        <span>{t('roster.import.conversionFrom')}</span>
        <span>{t('roster.import.conversionTo')}</span>
        <span>{t('roster.import.conversionWhy')}</span>
      </div>
      <div ref={scroller} className="conversion-list" role="list" aria-label={t('roster.import.conversions', { count: listed.length })}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const c = listed[item.index]!;
            return (
              <div key={item.key} role="listitem" className="conversion-row" data-row={c.rowNumber} style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
                <span>{c.rowNumber}</span>
                <span>{c.column !== null ? headers[c.column] || ROSTER_FIELD_LABELS[c.field] : ROSTER_FIELD_LABELS[c.field]}</span>
                <span className="mono">{showInvisible(c.from)}</span>
                <span className="mono">{stored(c)}</span>
                <span className="muted">{kindText(c.kind)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
