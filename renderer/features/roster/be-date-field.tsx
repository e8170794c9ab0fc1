import { useState } from 'react';
import { useTranslate } from '../../app/use-translate';
import { beInputValue, parseBeInput } from './be-date-input';

interface BeDateFieldProps {
  id: string;
  /** The stored date, 'YYYY-MM-DD' (CE), or null. */
  value: string | null;
  onChange(value: string | null): void;
}

/**
 * A date typed the Thai way ("1/4/2565", "1 เม.ย. 2565", or a CE date). Chromium's own date
 * picker shows US order and CE years whatever the language, so the roster does not use it.
 */
export function BeDateField({ id, value, onChange }: BeDateFieldProps) {
  const t = useTranslate();
  const [text, setText] = useState(() => beInputValue(value));
  const [shown, setShown] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // A new value from outside (another device's edit, a reset) replaces what is shown.
  if (value !== shown) {
    setShown(value);
    setText(beInputValue(value));
    setInvalid(false);
  }
  return (
    <>
      <input
        id={id}
        value={text}
        inputMode="numeric"
        placeholder={t('roster.date.placeholder')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseBeInput(e.target.value);
          setInvalid(parsed === undefined);
          if (parsed !== undefined) {
            setShown(parsed);
            onChange(parsed);
          }
        }}
      />
      {invalid && (
        <span id={`${id}-error`} className="message error">
          {t('roster.date.invalid')}
        </span>
      )}
    </>
  );
}
