import { useCallback, useId, useRef, useState } from 'react';
import { selectOllamaUsable } from '../../store/ollama-usable';
import { useAppStore } from '../../store/store-context';
import { RunningModelRow } from './RunningModelRow';
import { RunningModelsPanel } from './RunningModelsPanel';
import { useRunningPoll } from './use-running-poll';

/** How many loaded models the status bar shows by name; the panel lists them all. */
const SHOWN = 2;

/**
 * The status bar's loaded models: a count that opens the full list, and the first models with
 * memory, time to unload and an Unload button. Refreshed every few seconds while visible.
 */
export function RunningModelsStatus() {
  const running = useAppStore((s) => s.running);
  const runningError = useAppStore((s) => s.runningError);
  const online = useAppStore(selectOllamaUsable);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [toggle, setToggle] = useState<HTMLButtonElement | null>(null);
  const toggleNode = useCallback((node: HTMLButtonElement | null) => {
    toggleRef.current = node;
    setToggle(node);
  }, []);
  useRunningPoll(online);
  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) toggleRef.current?.focus();
  }, []);

  // While Ollama is away the connection strip says so; "unknown" here would only repeat it less clearly.
  if (online && runningError) {
    return (
      <span className="status-bar__item" data-testid="running-models" title={runningError}>
        Loaded models unknown
      </span>
    );
  }
  if (!online || !running) return null;
  const summary = running.length === 0 ? 'No models in memory' : `${running.length} ${running.length === 1 ? 'model' : 'models'} in memory`;
  return (
    <div className="status-bar__item status-running">
      <button
        ref={toggleNode}
        type="button"
        className="status-running__toggle"
        data-testid="running-models"
        data-running-toggle
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title={running.length === 0 ? 'Nothing is loaded in Ollama' : 'Show the models in memory'}
        onClick={() => setOpen((was) => !was)}
      >
        {summary}
      </button>
      {running.slice(0, SHOWN).map((model) => (
        <RunningModelRow key={model.name} model={model} variant="chip" />
      ))}
      {running.length > SHOWN && <span className="status-running__more">+{running.length - SHOWN}</span>}
      {open && <RunningModelsPanel id={panelId} anchor={toggle} onClose={close} />}
    </div>
  );
}
