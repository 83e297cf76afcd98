import { useId, type ReactNode } from 'react';
import { selectOllamaUnavailable } from '../../store/ollama-usable';
import { useAppStore } from '../../store/store-context';

export interface OllamaGate {
  /** True while Ollama cannot be used: the button is disabled. */
  blocked: boolean;
  /** Why, for the button's `title`. */
  reason: string | null;
  /** For the button's `aria-describedby`, so screen readers hear the reason too. */
  describedBy: string | undefined;
  /** Render beside the button: the hidden text `describedBy` points at. */
  note: ReactNode;
}

/** For a button whose action needs Ollama: disabled, with a tooltip and a description saying why. */
export function useOllamaGate(): OllamaGate {
  const reason = useAppStore(selectOllamaUnavailable);
  const id = useId();
  return {
    blocked: reason !== null,
    reason,
    describedBy: reason === null ? undefined : id,
    note:
      reason === null ? null : (
        <span id={id} hidden data-testid="ollama-unavailable-reason">
          {reason}
        </span>
      ),
  };
}
