import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/store-context';
import { RunningModelRow } from './RunningModelRow';

interface RunningModelsPanelProps {
  id: string;
  onClose(restoreFocus: boolean): void;
}

/** Every model in memory, opened from the status bar; Esc or a click elsewhere closes it. */
export function RunningModelsPanel({ id, onClose }: RunningModelsPanelProps) {
  const running = useAppStore((s) => s.running);
  const refreshRunning = useAppStore((s) => s.refreshRunning);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      // The toggle closes it itself; a click there must not close and reopen.
      if (ref.current?.contains(target) || (target instanceof Element && target.closest('[data-running-toggle]'))) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [onClose]);

  return (
    <div
      ref={ref}
      id={id}
      role="dialog"
      aria-label="Models in memory"
      className="running-panel"
      data-testid="running-panel"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose(true);
        }
      }}
    >
      <header className="running-panel__head">
        <h2>Models in memory</h2>
        <button type="button" className="button button--small" onClick={() => void refreshRunning()}>
          Refresh
        </button>
      </header>
      {!running || running.length === 0 ? (
        <p className="running-panel__empty">No model is loaded. Load one from its card or the Base models page to answer without a load delay.</p>
      ) : (
        <ul className="running-panel__list">
          {running.map((model) => (
            <RunningModelRow key={model.name} model={model} variant="row" />
          ))}
        </ul>
      )}
    </div>
  );
}
