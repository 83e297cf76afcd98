import { useId, useState } from 'react';
import type { Diagnostic, Severity } from '../../../../shared/modelfile';
import { MessageText } from '../text/MessageText';
import { sentence } from './modelfile-diagnostics';
import { ParameterList } from './ParameterList';

const SEVERITY_LABELS: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};
const MARKS: Record<Severity, string> = { error: '✕', warning: '⚠', info: 'i' };

function count(list: readonly Diagnostic[], severity: Severity): string | null {
  const n = list.filter((d) => d.severity === severity).length;
  if (n === 0) return null;
  const [one, many] = SEVERITY_LABELS[severity];
  return `${n} ${n === 1 ? one : many}`;
}

interface ProblemsPanelProps {
  diagnostics: readonly Diagnostic[] | null;
  onSelect(line: number, column: number): void;
  /** Replaces a finding's span with its fix (or another text, e.g. a name picked from the list). */
  onFix?(diagnostic: Diagnostic, text: string): void;
}

/** What `diagnose` found, under the editor: each finding with its line and column, a click away. */
export function ProblemsPanel({ diagnostics, onSelect, onFix }: ProblemsPanelProps) {
  const listId = useId();
  // Which unknown parameter the list of known ones is open for (its span), if any.
  const [listFor, setListFor] = useState<string | null>(null);
  const summary = diagnostics ? (['error', 'warning', 'info'] as const).map((s) => count(diagnostics, s)).filter(Boolean) : [];
  return (
    <section className="problems" aria-label="Problems" data-testid="problems" data-list-open={listFor !== null || undefined}>
      <p className="problems__summary" role="status" data-testid="problems-summary">
        {diagnostics === null ? 'Checking…' : summary.length === 0 ? <span className="problems__ok">✓ No problems</span> : summary.join(' · ')}
      </p>
      {diagnostics && diagnostics.length > 0 && (
        <ul className="problem-list">
          {diagnostics.map((d) => (
            <li key={`${d.from}:${d.to}:${d.code}`} data-testid="diagnostic" data-line={d.line} data-column={d.column} data-severity={d.severity} data-code={d.code}>
              <button type="button" className="problem-list__item" data-severity={d.severity} onClick={() => onSelect(d.line, d.column)}>
                <span className="problem-list__mark" aria-hidden="true">
                  {MARKS[d.severity]}
                </span>
                <span className="problem-list__where">
                  Line {d.line}, column {d.column}
                </span>
                <span className="problem-list__message">
                  <MessageText text={d.message} />
                </span>
                {d.hint && (
                  <span className="problem-list__hint">
                    <MessageText text={sentence(d.hint)} />
                  </span>
                )}
                <span className="visually-hidden"> ({d.severity})</span>
              </button>
              {(d.fix || d.code === 'unknown-parameter') && (
                <span className="problem-list__actions">
                  {d.fix && onFix && (
                    <button type="button" className="button button--small" data-testid="diagnostic-fix" onClick={() => onFix(d, d.fix ?? '')}>
                      Use <code>{d.fix}</code>
                    </button>
                  )}
                  {d.code === 'unknown-parameter' && (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="show-parameters"
                      aria-expanded={listFor === keyOf(d)}
                      aria-controls={listFor === keyOf(d) ? listId : undefined}
                      onClick={() => setListFor((was) => (was === keyOf(d) ? null : keyOf(d)))}
                    >
                      {listFor === keyOf(d) ? 'Hide the parameters Ollama knows' : 'The parameters Ollama knows'}
                    </button>
                  )}
                </span>
              )}
              {listFor === keyOf(d) && <ParameterList id={listId} {...(onFix ? { onPick: (name: string) => onFix(d, name) } : {})} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const keyOf = (d: Diagnostic) => `${d.from}:${d.to}`;
