import { useId, useMemo } from 'react';
import { failedCaseIds, verdictsByModel } from '../../../../shared/eval/run-verdict';
import type { RunRecord } from '../../../../shared/eval/run-record';
import type { EvalRunState } from '../../store/evals-slice';
import { selectActiveEvalJob } from '../../store/eval-selectors';
import { useAppStore } from '../../store/store-context';
import { formatRunTime, plural, RUN_STATE_LABELS } from './eval-format';
import { ResultsGrid } from './ResultsGrid';

interface ResultsSectionProps {
  family: string;
  runId: string;
  state: EvalRunState | null;
  onOpenCase(caseId: string): void;
}

/** The run shown: when and where it ran, then cases × models with each verdict. */
export function ResultsSection({ family, runId, state, onOpenCase }: ResultsSectionProps) {
  const titleId = useId();
  const loadEvalRun = useAppStore((s) => s.loadEvalRun);
  const record = state?.record ?? null;
  return (
    <section className="eval-section" aria-labelledby={titleId} data-testid="results">
      <div className="eval-section__head">
        <h2 id={titleId}>Results</h2>
        {record && <RunFacts run={record} />}
        {record && <RerunFailures family={family} run={record} />}
      </div>
      {!state || (state.status === 'loading' && !record) ? (
        <p className="muted" role="status">
          Reading the run…
        </p>
      ) : state.status === 'failed' && !record ? (
        <div className="inline-alert" role="alert">
          <span>The run could not be read: {state.error}</span>
          <button type="button" className="button button--small" onClick={() => void loadEvalRun(family, runId)}>
            Try again
          </button>
        </div>
      ) : record ? (
        <>
          {record.error && (
            <p className="eval-run-error" role="note">
              <span aria-hidden="true">⚠ </span>
              {RUN_STATE_LABELS[record.state]}: {record.error}
            </p>
          )}
          <ResultsGrid run={record} onOpenCase={onOpenCase} />
        </>
      ) : null}
    </section>
  );
}

function RunFacts({ run }: { run: RunRecord }) {
  const done = run.results.length;
  const total = run.cases.length * run.models.length;
  return (
    <p className="eval-section__meta" data-testid="run-facts">
      {RUN_STATE_LABELS[run.state]} · <time dateTime={run.startedAt}>{formatRunTime(run.startedAt)}</time> · Ollama {run.ollama.version ?? 'version unknown'}
      {done < total && ` · ${done} of ${total} answers`}
      {run.judge && (
        <>
          {' '}
          · judged by <span className="mono">{run.judge.name}</span>
        </>
      )}
    </p>
  );
}

/** Runs only the cases that failed for some model, against the same models; the new run links back. */
function RerunFailures({ family, run }: { family: string; run: RunRecord }) {
  const startEval = useAppStore((s) => s.startEval);
  const notifyError = useAppStore((s) => s.notifyError);
  const active = useAppStore(useMemo(() => selectActiveEvalJob(family), [family]));
  const failed = useMemo(() => failedCaseIds(run), [run]);
  const verdicts = useMemo(() => verdictsByModel(run), [run]);
  if (failed.length === 0 || run.state === 'running') return null;
  const rerun = async () => {
    const result = await startEval({ family, models: run.models.map((m) => m.name), caseIds: failed, judge: run.judge?.name ?? null, rerunOf: run.id });
    if (!result.ok) notifyError('Could not re-run the failed cases', result.error);
  };
  return (
    <div className="eval-section__actions">
      <button
        type="button"
        className="button"
        disabled={active !== null}
        onClick={() => void rerun()}
        title={`${verdicts.reduce((n, v) => n + v.failed, 0)} failed answers across ${plural(run.models.length, 'model')}`}
        data-testid="rerun-failures"
      >
        Re-run {plural(failed.length, 'failed case')}
      </button>
    </div>
  );
}
