import { useTranslate } from '../../app/use-translate';
import type { OccurrenceScope } from '../../db/repositories/event-repository';
import { ModalDialog } from './modal-dialog';

/** Asks whether a drag moves one instance of a recurring activity or the whole series. */
export function MoveScopeDialog({ title, onChoose }: { title: string; onChoose(choice: OccurrenceScope | null): void }) {
  const t = useTranslate();
  return (
    <ModalDialog title={t('calendar.move.title')} onClose={() => onChoose(null)}>
      <p>{t('calendar.move.question', { title })}</p>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={() => onChoose('one')}>
          {t('calendar.move.one')}
        </button>
        <button type="button" className="button secondary" onClick={() => onChoose('series')}>
          {t('calendar.move.series')}
        </button>
        <button type="button" className="button secondary" onClick={() => onChoose(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
