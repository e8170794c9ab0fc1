import { cellText, reportText, type RenderOptions, type ReportDocument } from '../../../shared/reports/report-document';

/**
 * A report laid out for paper as the DOCX lays it out: A4, Sarabun 16 pt, title centred, numbered
 * sections, tables with their heading repeated on every page. Printed to PDF from here.
 */
export function ReportPrintView({ doc, options }: { doc: ReportDocument; options: RenderOptions }) {
  const text = (s: string) => reportText(s, options);
  const lines = (s: string) => s.split('\n').map((line, i) => <div key={i}>{line}</div>);
  return (
    <article className="report-print" data-testid="report-print">
      <h1 className="report-title">{text(doc.title)}</h1>
      {doc.subtitle.map((s) => (
        <p key={s} className="report-subtitle">
          {text(s)}
        </p>
      ))}
      <div className="report-meta">
        {doc.meta.map((s) => (
          <p key={s}>{text(s)}</p>
        ))}
        {doc.warnings.map((s) => (
          <p key={s} className="report-warning" role="note">
            {text(s)}
          </p>
        ))}
      </div>
      {doc.sections.map((section) => (
        <section key={section.id} className="report-section">
          <h2>{text(section.title)}</h2>
          {section.paragraphs.map((p) => (
            <p key={p} className="report-paragraph">
              {text(p)}
            </p>
          ))}
          {section.table && (
            <table className="report-table">
              <colgroup>
                {section.table.columns.map((c, i) => (
                  <col key={i} style={{ width: `${((c.weight ?? 1) / section.table!.columns.reduce((s, x) => s + (x.weight ?? 1), 0)) * 100}%` }} />
                ))}
              </colgroup>
              <thead>
                <tr>
                  {section.table.columns.map((c) => (
                    <th key={c.title} scope="col">
                      {text(c.title)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.table.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, i) => (
                      <td key={i} className={`align-${section.table!.columns[i]?.align ?? 'left'}`}>
                        {lines(cellText(cell, options))}
                      </td>
                    ))}
                  </tr>
                ))}
                {section.table.totals && (
                  <tr className="report-totals">
                    {section.table.totals.map((cell, i) => (
                      <td key={i} className={`align-${section.table!.columns[i]?.align ?? 'left'}`}>
                        {cellText(cell, options)}
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </article>
  );
}
