import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A native modal <dialog>: the browser traps focus, Esc closes it, and screen readers announce
 * it by its title.
 */
export function ModalDialog({ title, onClose, children, wide }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`calendar-dialog${wide ? ' wide' : ''}`}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="ปิด">
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}
