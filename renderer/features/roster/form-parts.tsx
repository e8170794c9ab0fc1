import type { ReactNode } from 'react';

/** A save or add result shown beside the form's button: read out politely, or as an alert when it failed. */
export interface FormMessage {
  error: boolean;
  text: string;
}

export function FormMessageText({ message, testId }: { message: FormMessage | null; testId?: string }) {
  if (!message) return null;
  return (
    <span className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'} data-testid={testId}>
      {message.text}
    </span>
  );
}

/** The row under a roster form: its submit button, anything extra, and the last result. */
export function FormActions({ submitLabel, message, messageTestId, children }: { submitLabel: string; message: FormMessage | null; messageTestId?: string; children?: ReactNode }) {
  return (
    <div className="wide roster-actions">
      <button type="submit" className="button primary">
        {submitLabel}
      </button>
      {children}
      <FormMessageText message={message} testId={messageTestId} />
    </div>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** A labelled drop-down. Plain strings are their own labels (Thai titles, roles, partner types). */
export function ChoiceField<V extends string>({
  label,
  value,
  choices,
  onChange,
  id,
}: {
  label: string;
  value: V;
  choices: ReadonlyArray<V | Choice<V>>;
  onChange: (value: V) => void;
  id?: string;
}) {
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {choices.map((choice) => {
          const { value: v, label: text } = typeof choice === 'string' ? { value: choice, label: choice } : choice;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}
