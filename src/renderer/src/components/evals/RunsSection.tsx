import { useCallback, useId, useRef, useState } from 'react';
import type { RunSummary } from '../../../../shared/eval/run-record';
import type { EvalRunsState } from '../../store/evals-slice';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { formatRunTime, RUN_STATE_LABELS } from './eval-format';
import { modelTitle } from './model-title';
import { RunComparison } from './RunComparison';

/** The family's saved runs, newest first: show one, or compare any two. */
export function RunsSection({ family, runs, shownRunId }: { family: string; runs: EvalRunsState | null; shownRunId: string | null }) {
  const titleId = useId();
  const models = useAppStore(selectModels);
  const openEvals = useAppStore((s) => s.openEvals);
  const loadEvalRuns = useAppStore((s) => s.loadEvalRuns);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState<[string, string] | null>(null);
  const compareRef = useRef<HTMLButtonElement>(null);
  const closeComparison = useCallback(() => {
    setComparing(null);
    // Back to where it was opened from.
    window.setTimeout(() => compareRef.current?.focus(), 0);
  }, []);

  // Two at most: picking a third lets go of the earliest pick.
  const toggle = (id: string) => setPicked((prev) => (prev.includes(id) ? prev.filter((p) => p !== id) : [...prev, id].slice(-2)));
  const list = runs?.list ?? [];
  const byId = new Map(list.map((r) => [r.id, r]));
  const compare = () => {
    const [x, y] = [...picked].sort();
    if (x && y) setComparing([x, y]);
  };

  return (
    <section className="eval-section" aria-labelledby={titleId} data-testid="runs">
      <div className="eval-section__head">
        <h2 id={titleId}>Saved runs</h2>
        <p className="eval-section__meta">Kept in evals/runs in the workspace; a run is never overwritten.</p>
        {list.length > 1 && (
          <div className="eval-section__actions">
            <button ref={compareRef} type="button" className="button button--small" disabled={picked.length !== 2} onClick={compare} data-testid="compare-runs">
              Compare {picked.length === 2 ? 'the two chosen' : 'two chosen runs'}
            </button>
          </div>
        )}
      </div>
      {runs?.status === 'failed' && (
        <div className="inline-alert" role="alert">
          <span>The saved runs could not be listed: {runs.error}</span>
          <button type="button" className="button button--small" onClick={() => void loadEvalRuns(family)}>
            Try again
          </button>
        </div>
      )}
      {list.length === 0 ? (
        <p className="muted">{runs?.status === 'loading' ? 'Listing runs…' : 'No run yet.'}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table eval-runs" aria-label="Saved runs, newest first">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Choose to compare</span>
                </th>
                <th scope="col">Started</th>
                <th scope="col">State</th>
                <th scope="col">Ollama</th>
                <th scope="col">Passed</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((run) => (
                <RunRow
                  key={run.id}
                  run={run}
                  shown={run.id === shownRunId}
                  picked={picked.includes(run.id)}
                  titleOf={(name) => modelTitle(models, { name, role: 'version' })}
                  onPick={() => toggle(run.id)}
                  onShow={() => openEvals(family, run.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {comparing && byId.get(comparing[0]) && byId.get(comparing[1]) && (
        <RunComparison key={comparing.join('\n')} family={family} older={byId.get(comparing[0])!} newer={byId.get(comparing[1])!} onClose={closeComparison} />
      )}
    </section>
  );
}

interface RunRowProps {
  run: RunSummary;
  shown: boolean;
  picked: boolean;
  titleOf(name: string): string;
  onPick(): void;
  onShow(): void;
}

function RunRow({ run, shown, picked, titleOf, onPick, onShow }: RunRowProps) {
  const when = formatRunTime(run.startedAt);
  return (
    <tr aria-current={shown ? 'true' : undefined} className={shown ? 'eval-runs__shown' : undefined} data-testid="run-row" data-run-id={run.id}>
      <td>
        <input type="checkbox" checked={picked} onChange={onPick} aria-label={`Compare the run of ${when}`} />
      </td>
      <td className="nowrap">
        <time dateTime={run.startedAt}>{when}</time>
        {run.rerunOf && <span className="muted"> · re-run of failures</span>}
        {shown && <span className="muted"> (shown)</span>}
      </td>
      <td>{RUN_STATE_LABELS[run.state]}</td>
      <td className="mono">{run.ollamaVersion ?? '—'}</td>
      <td>
        <ul className="eval-runs__models">
          {run.models.map((m) => (
            <li key={m.name}>
              <span className="eval-runs__model" title={m.name}>
                {titleOf(m.name)}
              </span>{' '}
              <span className="nowrap">
                {m.passed} of {m.passed + m.failed}
              </span>
            </li>
          ))}
        </ul>
      </td>
      <td>
        {!shown && (
          <button type="button" className="button button--small" aria-label={`Show the run of ${when}`} onClick={onShow}>
            Show
          </button>
        )}
      </td>
    </tr>
  );
}
