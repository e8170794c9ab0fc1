import { useState } from 'react';
import { peopleExportRows } from '../../../shared/roster/people-export-rows';
import { canExportFullIds } from '../../../shared/roster/reveal-policy';
import { desk } from '../../bridge/desk-bridge';
import { useNotices } from '../../app/notice-store';
import { useSession } from '../../app/session-store';
import { useThaiGeography } from '../../app/use-thai-geography';
import { useTranslate } from '../../app/use-translate';
import { peopleCsv, peopleWorkbook } from './io/people-workbook';
import { useRosterActor, useRosterData } from './use-roster-data';

/** Export the people of a place as XLSX or CSV (with BOM); the export is on the audit trail. */
export function ExportButtons({ placeCode, label }: { placeCode: string; label: string }) {
  const t = useTranslate();
  const geography = useThaiGeography();
  const { people } = useRosterData();
  const actor = useRosterActor();
  const scope = useSession((s) => s.scope);
  const show = useNotices((s) => s.show);
  const [busy, setBusy] = useState(false);

  const run = async (format: 'xlsx' | 'csv') => {
    if (!geography) return;
    setBusy(true);
    try {
      const rows = await people.underPlace(placeCode);
      const fullIds = canExportFullIds(actor);
      const table = peopleExportRows(rows, {
        fullIds,
        places: { tambon: (c) => geography.tambon(c)?.nameTh ?? c, amphoe: (c) => geography.amphoe(c)?.nameTh ?? c, province: (c) => geography.province(c)?.nameTh ?? c },
      });
      const name = `ทำเนียบ-${placeCode}.${format}`;
      const data = format === 'xlsx' ? await peopleWorkbook(table, label) : peopleCsv(table);
      const saved = await desk.saveFile({ suggestedName: name, filters: [{ name: format === 'xlsx' ? 'Excel' : 'CSV', extensions: [format] }], data });
      if (!saved.ok) throw new Error(saved.error.message);
      if (!saved.value.saved) return;
      await people.audit.record({ action: 'export', memberId: null, provinceCode: scope.provinceCode, districtCode: placeCode.length >= 4 ? placeCode.slice(0, 4) : null, count: rows.length, detail: `${format} ${placeCode}${fullIds ? ' full-id' : ''}` }, actor);
      show(t('roster.export.done', { count: rows.length, file: saved.value.fileName }));
    } catch (error) {
      show(t('common.error', { message: (error as Error).message }), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button secondary" disabled={busy || !geography} onClick={() => void run('xlsx')}>
        {t('roster.export.xlsx')}
      </button>
      <button type="button" className="button secondary" disabled={busy || !geography} onClick={() => void run('csv')}>
        {t('roster.export.csv')}
      </button>
    </>
  );
}
