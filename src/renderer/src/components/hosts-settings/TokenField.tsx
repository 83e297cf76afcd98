import { useEffect, useRef } from 'react';
import { describedBy, FormField } from '../lifecycle/FormField';

/** What the form does with the token: keep the stored one, set a new one, or remove it. */
export type TokenChoice = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'remove' };

interface TokenFieldProps {
  id: string;
  /** Whether the host has a token stored now (never the token itself). */
  hasToken: boolean;
  choice: TokenChoice;
  error: string | null | undefined;
  onChange(choice: TokenChoice): void;
}

const HINT = 'Only for a reverse proxy in front of Ollama that asks for a bearer token. It is stored securely and never shown again.';

/**
 * The token is write-only: a stored one shows as "Token set" with Replace and Remove; typing one
 * goes into a password field.
 */
export function TokenField({ id, hasToken, choice, error, onChange }: TokenFieldProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  // Replace, Remove and Keep swap the controls: focus goes to what took the pressed button's place.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    boxRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [choice.kind]);
  return <div ref={boxRef}>{tokenControls({ id, hasToken, choice, error, onChange })}</div>;
}

function tokenControls({ id, hasToken, choice, error, onChange }: TokenFieldProps) {
  if (hasToken && choice.kind !== 'set') {
    return (
      <div className="form-field" data-testid="token-field">
        <span className="form-field__label" id={`${id}-label`}>
          Token
        </span>
        <div className="host-token" role="group" aria-labelledby={`${id}-label`}>
          {choice.kind === 'keep' ? (
            <>
              <span data-testid="token-state">Token set</span>
              <button type="button" className="button button--small" onClick={() => onChange({ kind: 'set', value: '' })}>
                Replace
              </button>
              <button type="button" className="button button--small" onClick={() => onChange({ kind: 'remove' })}>
                Remove
              </button>
            </>
          ) : (
            <>
              <span data-testid="token-state">The token will be removed when you save.</span>
              <button type="button" className="button button--small" onClick={() => onChange({ kind: 'keep' })}>
                Keep it
              </button>
            </>
          )}
        </div>
        {error && (
          <p className="field-error" data-testid="token-error">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <FormField id={id} name="token" label={hasToken ? 'New token' : 'Token (optional)'} error={error} hint={HINT}>
      <span className="host-token">
        <input
          id={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={choice.kind === 'set' ? choice.value : ''}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, error)}
          data-testid="host-token"
          onChange={(event) => onChange(event.target.value === '' && !hasToken ? { kind: 'keep' } : { kind: 'set', value: event.target.value })}
        />
        {hasToken && (
          <button type="button" className="button button--small" onClick={() => onChange({ kind: 'keep' })}>
            Keep the current token
          </button>
        )}
      </span>
    </FormField>
  );
}
