// bench/calendar: month_2000_events_first_paint_ms (target < 500 ms) and recurring_year_expand_ms
// (target < 100 ms), each beside its baseline measured in the same run. Writes
// bench/results/calendar.json (format in bench/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../support/app-server';
import { measureMonthFirstPaint, EVENT_COUNT } from './month-first-paint';
import { measureRecurringYear, SERIES } from './recurring-expansion';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.PROVINCEDESK_BENCH_PORT ?? 4179);
const outDir = process.env.PROVINCEDESK_RENDERER_OUT ?? path.join(tmpdir(), 'provincedesk-bench-calendar');

async function main(): Promise<void> {
  const recurring = measureRecurringYear();
  console.error(`recurring: ${SERIES} series, ${recurring.occurrences} occurrences in a year: ${recurring.expandMs.toFixed(2)} ms (baseline ${recurring.baselineMs.toFixed(3)} ms)`);

  const server = await startAppServer(root, { outDir, port, build: !process.env.PROVINCEDESK_BENCH_SKIP_BUILD });
  try {
    const { baseURL } = server;
    const paint = await measureMonthFirstPaint(baseURL);
    console.error(`month: ${EVENT_COUNT} activities (${paint.eventsInMonth} in the month on screen): first paint ${paint.paintMs.toFixed(0)} ms (empty database ${paint.baselineMs.toFixed(0)} ms); import took ${paint.importMs} ms`);

    const result = {
      name: 'calendar',
      machine: `${cpus().length} cores`,
      date: new Date().toISOString(),
      metrics: [
        { name: 'month_2000_events_first_paint_ms', value: Math.round(paint.paintMs), unit: 'ms' },
        { name: 'month_empty_first_paint_ms', value: Math.round(paint.baselineMs), unit: 'ms' },
        { name: 'month_2000_events_paint_ratio', value: Number((paint.paintMs / paint.baselineMs).toFixed(2)), unit: 'ratio' },
        { name: 'ics_import_2000_events_ms', value: paint.importMs, unit: 'ms' },
        { name: 'recurring_year_expand_ms', value: Number(recurring.expandMs.toFixed(2)), unit: 'ms' },
        { name: 'recurring_year_baseline_ms', value: Number(recurring.baselineMs.toFixed(3)), unit: 'ms' },
      ],
    };
    mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../results/calendar.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result));
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
