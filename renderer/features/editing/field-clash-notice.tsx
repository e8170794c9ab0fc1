import type { FieldClash } from './edit-reconcile';
import { useTranslate } from '../../app/use-translate';

interface Props<D> {
  clashes: readonly FieldClash<D>[];
  draft: D;
  /** The label the form shows for a record field. */
  labelOf: (field: string) => string;
  /** A draft value as text (`key` null: the stored value of a field outside the draft). */
  textOf?: (value: unknown, key: keyof D | null) => string;
  onTakeTheirs: (field: string) => void;
  onKeepMine: (field: string) => void;
}

function defaultText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(defaultText).filter(Boolean).join(', ');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map(defaultText).filter(Boolean).join(' ');
  return String(value);
}

/** Above a form: each field another device changed while the user changed it too, with both values and a choice. */
export function FieldClashNotice<D>({ clashes, draft, labelOf, textOf = defaultText, onTakeTheirs, onKeepMine }: Props<D>) {
  const t = useTranslate();
  if (clashes.length === 0) return null;
  const shown = (text: string) => text || t('editing.clash.empty');
  return (
    <div className="field-clash-notice" role="alert" data-testid="field-clashes">
      <p className="field-clash-title">{t('editing.clash.title')}</p>
      <ul>
        {clashes.map((clash) => {
          const theirs = clash.keys.length > 0 ? clash.keys.map((k) => textOf(clash.theirs[k], k)).join(' ') : textOf(clash.value, null);
          const mine = clash.keys.length > 0 ? clash.keys.map((k) => textOf(draft[k], k)).join(' ') : '';
          return (
            <li key={clash.field} data-testid="field-clash" data-field={clash.field}>
              <span>{clash.keys.length > 0 ? t('editing.clash.field', { field: labelOf(clash.field), theirs: shown(theirs), mine: shown(mine) }) : `${labelOf(clash.field)}: ${shown(theirs)}`}</span>
              <span className="field-clash-actions">
                <button type="button" className="button secondary" onClick={() => onTakeTheirs(clash.field)}>
                  {t('editing.clash.takeTheirs')}
                </button>
                <button type="button" className="button secondary" onClick={() => onKeepMine(clash.field)}>
                  {t('editing.clash.keepMine')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('editing.clash.hint')}</p>
    </div>
  );
}
