import { useEffect } from 'react';

/**
 * Esc closes a panel that is not a dialog (the case view, a run comparison), as it closes other
 * panels; an open dialog over it, or a control that handled the key, goes first.
 */
export function useEscapeToClose(onClose: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
}
