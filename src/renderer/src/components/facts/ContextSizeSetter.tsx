import { useState } from 'react';
import { useAppStore } from '../../store/store-context';

/**
 * "Use N tokens": writes PARAMETER num_ctx into the version's Modelfile (the same save as the
 * editor's, with its conflict check); Ollama uses it only after a rebuild, so Rebuild is offered.
 */
export function ContextSizeSetter({ model, tokens, current }: { model: string; tokens: number; current: number | null }) {
  const setContextSize = useAppStore((s) => s.setContextSize);
  const requestCreate = useAppStore((s) => s.requestCreate);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; tokens: number } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const same = current === tokens;
  return (
    <div className="estimate__set" data-testid="context-setter">
      <button
        type="button"
        className="button"
        data-testid="set-context"
        disabled={state.kind === 'saving' || same}
        title={same ? `Its Modelfile already sets ${tokens} tokens` : undefined}
        onClick={async () => {
          setState({ kind: 'saving' });
          const result = await setContextSize(model, tokens);
          setState(result.ok ? { kind: 'saved', tokens } : { kind: 'failed', message: result.error.message });
        }}
      >
        Use {tokens} tokens for this model
      </button>
      {state.kind === 'saved' && (
        <p role="status" data-testid="context-saved">
          Saved <code>PARAMETER num_ctx {state.tokens}</code> in its Modelfile. Ollama uses it after a rebuild.{' '}
          <button type="button" className="button button--small button--primary" data-testid="context-rebuild" onClick={() => void requestCreate(model)}>
            Rebuild
          </button>
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="field-error" data-testid="context-failed">
          {state.message}
        </p>
      )}
    </div>
  );
}
