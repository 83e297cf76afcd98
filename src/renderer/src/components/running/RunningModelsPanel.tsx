import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../../store/store-context';
import { placedStyle, TopLayer, useAnchored } from '../common/TopLayer';
import { RunningModelRow } from './RunningModelRow';

interface RunningModelsPanelProps {
  id: string;
  /** The status bar button it opens from, and stays beside. */
  anchor: HTMLElement | null;
  onClose(restoreFocus: boolean): void;
}

/**
 * Every model in memory, opened from the status bar, drawn in the top layer above the page; Esc or
 * a click elsewhere closes it.
 */
export function RunningModelsPanel({ id, anchor, onClose }: RunningModelsPanelProps) {
  const running = useAppStore((s) => s.running);
  const refreshRunning = useAppStore((s) => s.refreshRunning);
  const ref = useRef<HTMLDivElement>(null);
  const { refs, floatingStyles, isPositioned } = useAnchored({ open: true, placement: 'top-start' });
  useLayoutEffect(() => refs.setReference(anchor), [anchor, refs]);

  // Once placed: a panel still hidden for measuring cannot take focus.
  useEffect(() => {
    if (isPositioned) ref.current?.focus({ preventScroll: true });
  }, [isPositioned]);

  useEffect(() => {
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
    <TopLayer anchor={anchor}>
      <div
        ref={(node) => {
          ref.current = node;
          refs.setFloating(node);
        }}
        style={placedStyle(floatingStyles, isPositioned)}
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
    </TopLayer>
  );
}
