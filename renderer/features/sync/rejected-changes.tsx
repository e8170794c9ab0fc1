import { useLiveQuery } from 'dexie-react-hooks';
import { useDeskData } from '../../app/desk-data-context';
import { useDateFormat } from '../../app/use-date-format';
import { useTranslate } from '../../app/use-translate';
import { REJECTED_KEY, type RejectedChange } from '../../sync/sync-records';
import { isShownField } from './field-display';
import { useFieldValueText } from './use-field-value-text';
import { fieldLabel, tableLabel } from './use-sync';

/**
 * Changes the server refused, with what was typed: the server's reason in Thai, when, and the values
 * themselves, so nothing a user typed is lost even when it could not be saved centrally.
 */
export function RejectedChanges() {
  const t = useTranslate();
  const { db } = useDeskData();
  const { shortDate, time } = useDateFormat();
  const valueText = useFieldValueText();
  const rejected = useLiveQuery(async () => ((await db.syncState.get(REJECTED_KEY))?.value as RejectedChange[] | undefined) ?? [], [db]);
  if (!rejected || rejected.length === 0) return null;
  return (
    <section aria-labelledby="rejected-title" data-testid="rejected-changes">
      <h2 id="rejected-title">{t('sync.rejectedTitle')}</h2>
      <p className="muted">{t('sync.rejected.hint')}</p>
      <ul className="card-list">
        {rejected.slice(0, 50).map((r) => {
          const at = new Date(r.at);
          // What was typed, as the forms show it: bookkeeping, internal references and empty fields stay out,
          // and so does "not deleted" beside a new record's fields.
          const typed = Object.entries(r.changes).filter(([field, value]) => isShownField(r.table, field) && !isEmptyValue(value));
          const fields = typed.length > 1 ? typed.filter(([field, value]) => !(field === 'deleted' && value === false)) : typed;
          return (
            <li key={r.mutationId} className="card">
              <p className="card-meta">
                {tableLabel(t, r.table)} · {shortDate(at)} {time(at)}
              </p>
              <p role="note">{r.message}</p>
              {fields.length > 0 && (
                <dl className="rejected-values">
                  {fields.map(([field, value]) => (
                    <div key={field}>
                      <dt>{fieldLabel(t, field, r.table)}</dt>
                      <dd>{valueText(r.table, field, value)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
