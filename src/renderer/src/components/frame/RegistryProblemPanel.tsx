import { selectProblem } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

function position(line: number | null, column: number | null): string | null {
  if (line === null) return null;
  return column === null ? `line ${line}` : `line ${line}, column ${column}`;
}

/** Shown on every page while the registry file is invalid: the app is read-only until it is fixed. */
export function RegistryProblemPanel() {
  const problem = useAppStore(selectProblem);
  if (!problem) return null;
  const where = position(problem.line, problem.column);
  return (
    <section className="problem-panel" role="alert" aria-labelledby="registry-problem-title" data-testid="registry-problem">
      <h2 id="registry-problem-title">The registry file cannot be used</h2>
      <p className="problem-panel__message">{problem.message}</p>
      <dl className="problem-panel__facts">
        <dt>File</dt>
        <dd>
          <code className="path">{problem.file}</code>
          {where && <span data-testid="registry-problem-position">, {where}</span>}
        </dd>
        {problem.backupPath && (
          <>
            <dt>Backup</dt>
            <dd>
              A copy of the file as it was is saved at <code className="path">{problem.backupPath}</code>
            </dd>
          </>
        )}
      </dl>
      {problem.issues.length > 0 && (
        <ul className="problem-panel__issues">
          {problem.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p className="problem-panel__hint">The app is read-only until the file is fixed; it will reload automatically.</p>
    </section>
  );
}
