import { ROSTER_FIELD_LABELS } from '../../../shared/roster/roster-columns';
import { cellText } from '../../../shared/roster/import-cell';
import type { ValidatedRow } from '../../../shared/roster/row-validation';
import { useTranslate } from '../../app/use-translate';

/** Rows with problems shown at most; the count says how many more there are. */
const PROBLEM_ROWS_SHOWN = 200;

/**
 * The rows with errors or warnings: the row number and its problems first (kept in view while the
 * file's many columns scroll sideways, at 1366 px too), then the cells as the file has them, the
 * bad ones marked.
 */
export function ImportProblemRows({ rows, headers }: { rows: ValidatedRow[]; headers: string[] }) {
  const t = useTranslate();
  return (
    <div className="roster-scroll">
      <table className="roster-table import-problems" aria-label={t('roster.import.problems')} data-testid="import-problems">
        <thead>
          <tr>
            <th scope="col" className="sticky-row">
              {t('roster.import.row')}
            </th>
            <th scope="col" className="sticky-issues">
              {t('roster.import.issues')}
            </th>
            {headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PROBLEM_ROWS_SHOWN).map((row) => {
            const bad = new Map(row.issues.filter((i) => i.column !== null).map((i) => [i.column!, i]));
            return (
              <tr key={row.rowNumber} data-row={row.rowNumber} className={row.person ? 'row-warning' : 'row-error'}>
                <th scope="row" className="sticky-row">
                  {row.rowNumber}
                </th>
                <td className="sticky-issues">
                  <ul>
                    {row.issues.map((issue, k) => (
                      <li key={k} className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}>
                        {ROSTER_FIELD_LABELS[issue.field]}: {issue.message}
                      </li>
                    ))}
                  </ul>
                </td>
                {headers.map((_, i) => (
                  <td key={i} className={bad.has(i) ? `cell-${bad.get(i)!.severity}` : undefined} title={bad.get(i)?.message}>
                    {cellText(row.cells[i])}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > PROBLEM_ROWS_SHOWN && <p className="muted">{t('roster.import.moreProblems', { count: rows.length - PROBLEM_ROWS_SHOWN })}</p>}
    </div>
  );
}
