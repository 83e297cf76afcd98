import type { Diagnostic, Severity } from '../../../../shared/modelfile';
import { sentence } from './modelfile-diagnostics';

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
}

/** What `diagnose` found, under the editor: each finding with its line and column, a click away. */
export function ProblemsPanel({ diagnostics, onSelect }: ProblemsPanelProps) {
  const summary = diagnostics ? (['error', 'warning', 'info'] as const).map((s) => count(diagnostics, s)).filter(Boolean) : [];
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
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
                <span className="problem-list__message">{d.message}</span>
                {d.hint && <span className="problem-list__hint">{sentence(d.hint)}</span>}
                <span className="visually-hidden"> ({d.severity})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
