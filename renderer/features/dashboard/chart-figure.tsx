import type { ReactNode } from 'react';

/**
 * A chart with its title, and the same numbers as a table under it: closed by default on screen,
 * always there for screen readers (the chart itself is a picture with a one-line summary) and for
 * copying into a document.
 */
export function ChartFigure({ id, title, summary, children, table }: { id: string; title: string; summary: string; children: ReactNode; table: ReactNode }) {
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={summary}>
        {children}
      </div>
      {table}
    </figure>
  );
}

/** The table view of a chart's numbers. */
export function ChartTable({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="chart-table">
      <summary>{summary}</summary>
      <div className="table-scroll">{children}</div>
    </details>
  );
}

/** A CSS custom property of the theme (the activity palette), for the chart library's fills. */
export function themeColour(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
