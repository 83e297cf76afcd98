import { useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, sameTabStop, tabStopTarget } from './focusable';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** The buttons, in reading order; the one marked `data-autofocus` gets focus, else the first. */
  actions: ReactNode;
  /** Esc and a click on the backdrop. */
  onCancel(): void;
  tone?: 'default' | 'warning' | 'danger';
  testId?: string;
}

/**
 * A modal question, on the native <dialog> opened with showModal(): it sits in the browser's top
 * layer and the browser makes the rest of the page inert (no click, no focus, no Space on a
 * checkbox behind it). Tab and Shift+Tab cycle inside, Esc cancels, and focus returns to the
 * control that opened it.
 */
export function Dialog({ title, children, actions, onCancel, tone = 'default', testId }: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef(onCancel);
  useEffect(() => {
    cancelRef.current = onCancel;
  });

  // Layout effect: the dialog is modal before the browser paints, so no click can slip behind it.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const box = boxRef.current;
    const target = box?.querySelector<HTMLElement>('[data-autofocus]') ?? (box ? focusableIn(box)[0] : undefined);
    (target ?? box)?.focus();
    // The browser's own Esc handling (a "cancel" event) is turned into the owner's decision.
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      cancelRef.current();
    };
    // Chromium may close a dialog without a cancelable "cancel" (a repeated Esc without a user
    // action between): the owner still hears about it, so its state never says open while it is not.
    const onClose = () => {
      if (dialog.isConnected) cancelRef.current();
    };
    // Focus that still gets out (where the browser does not make the page inert) is brought back.
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Node) || dialog.contains(event.target) || !isTopDialog(dialog)) return;
      const items = boxRef.current ? focusableIn(boxRef.current) : [];
      (items[0] ?? boxRef.current)?.focus();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    dialog.addEventListener('close', onClose);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.removeEventListener('close', onClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // A dialog opened from this one (a confirmation) handles its own keys.
    if (event.target instanceof Node && !boxRef.current?.contains(event.target)) return;
    if (event.key === 'Escape') {
      // Handled here, once: the page under the dialog must not close as well.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !boxRef.current) return;
    // The browser keeps focus out of the inert page, but would still let Tab leave for its own UI.
    const items = focusableIn(boxRef.current);
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    const inside = items.includes(active as HTMLElement);
    if (event.shiftKey && (sameTabStop(active, first) || !inside)) {
      event.preventDefault();
      tabStopTarget(last).focus();
    } else if (!event.shiftKey && (sameTabStop(active, last) || !inside)) {
      event.preventDefault();
      tabStopTarget(first).focus();
    }
  };

  // The dialog element fills the window; a press on it outside the box is a press on the backdrop.
  const onMouseDown = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onCancel();
  };

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog-host"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
    >
      <div ref={boxRef} className={`dialog dialog--${tone}`} tabIndex={-1}>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div id={bodyId} className="dialog__body">
          {children}
        </div>
        <div className="dialog__actions">{actions}</div>
      </div>
    </dialog>,
    document.body,
  );
}

/** The last opened dialog: a dialog opened from another one owns focus while it is open. */
function isTopDialog(dialog: HTMLDialogElement): boolean {
  return [...document.querySelectorAll('dialog[open]')].at(-1) === dialog;
}
