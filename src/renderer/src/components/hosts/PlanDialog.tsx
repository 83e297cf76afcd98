import { useEffect, useId, useRef } from 'react';
import type { Matrix } from '../../../../shared/deploy/plan-schema';
import { isActive } from '../../models/job-format';
import { changesLabel } from '../../models/plan-words';
import type { PlanState } from '../../store/hosts-slice';
import { selectMatrix } from '../../store/hosts-selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { ApplyProgress } from './ApplyProgress';
import { HostPlanSection } from './HostPlanSection';

type OpenPlan = Exclude<PlanState, { status: 'closed' }>;

/** Plan, confirm, apply: what would change on each host, then the apply job's progress, in one dialog. */
export function PlanDialog() {
  const plan = useAppStore((s) => s.plan);
  if (plan.status === 'closed') return null;
  return <PlanDialogView state={plan} />;
}

function PlanDialogView({ state }: { state: OpenPlan }) {
  const id = useId();
  const close = useAppStore((s) => s.closePlan);
  const openPlan = useAppStore((s) => s.openPlan);
  const applyPlan = useAppStore((s) => s.applyPlan);
  const cancelJob = useAppStore((s) => s.cancelJob);
  const matrix = useAppStore(selectMatrix);
  const applyJob = useAppStore((s) => (state.status === 'applied' && state.jobId ? s.jobs[state.jobId] : undefined));
  const mainRef = useRef<HTMLButtonElement>(null);
  const { scope } = state;
  const running = applyJob !== undefined && isActive(applyJob);
  const changes = state.status === 'ready' ? state.plan.changes : 0;

  // The dialog opens while the plan is computed: once it is there, its main button takes focus
  // (the keyboard's next Enter applies it). When the apply ends, Stop goes: focus moves to Close
  // rather than falling out of the dialog.
  useEffect(() => {
    if (state.status === 'ready' || state.status === 'applied') mainRef.current?.focus();
  }, [state.status, running]);

  const detail = (host: string) => (model: string) => cellDetail(matrix, model, host);
  const title = scope.host ? `Plan for ${scope.host}` : 'Plan for all hosts';

  return (
    <Dialog
      title={title}
      testId="plan-dialog"
      onCancel={close}
      actions={
        <>
          {state.status === 'applied' ? (
            running && (
              <button type="button" className="button button--danger" data-testid="apply-cancel" onClick={() => applyJob && void cancelJob(applyJob.id)}>
                Stop applying
              </button>
            )
          ) : (
            <button type="button" className="button" data-testid="plan-close" onClick={close}>
              {state.status === 'ready' && changes > 0 ? 'Cancel' : 'Close'}
            </button>
          )}
          {state.status === 'failed' && (
            <button type="button" className="button button--primary" onClick={() => void openPlan(scope)}>
              Try again
            </button>
          )}
          {state.status === 'ready' && changes > 0 && (
            <button
              ref={mainRef}
              type="button"
              className="button button--primary"
              data-testid="plan-apply"
              disabled={state.applying}
              aria-busy={state.applying}
              onClick={() => void applyPlan()}
            >
              {state.applying ? 'Starting…' : `Apply ${changesLabel(changes)}`}
            </button>
          )}
          {state.status === 'applied' && (
            <button ref={mainRef} type="button" className="button button--primary" data-testid="plan-done" onClick={close}>
              {running ? 'Hide' : 'Close'}
            </button>
          )}
        </>
      }
    >
      <label className="plan-prune" htmlFor={`${id}-prune`}>
        <input
          id={`${id}-prune`}
          type="checkbox"
          data-testid="plan-prune"
          checked={scope.prune}
          disabled={state.status === 'applied' || (state.status === 'ready' && state.applying)}
          onChange={(event) => void openPlan({ ...scope, prune: event.target.checked })}
        />
        Also remove models no longer in the registry
        <span className="field-hint">Only models Modelwright built on a host; nothing else there is touched.</span>
      </label>
      {state.status === 'loading' && (
        <p role="status" data-testid="plan-loading">
          <span className="spinner" aria-hidden="true" /> Comparing the registry with {scope.host ?? 'each host'}…
        </p>
      )}
      {state.status === 'failed' && (
        <p className="field-error" role="alert" data-testid="plan-error">
          Could not make the plan: {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <p data-testid="plan-summary" role="status">
            {changes === 0
              ? 'Nothing to do: every host here matches the registry.'
              : `${changesLabel(changes)} on ${plural(state.plan.hosts.filter((h) => h.actions.length > 0).length, 'host')}. Nothing changes until you apply.`}
          </p>
          <div className="plan-hosts">
            {state.plan.hosts.map((hostPlan) => (
              <HostPlanSection key={hostPlan.host} plan={hostPlan} detail={detail(hostPlan.host)} />
            ))}
          </div>
          {state.error && (
            <p className="field-error" role="alert" data-testid="plan-apply-error">
              Could not apply: {state.error.message}
            </p>
          )}
        </>
      )}
      {state.status === 'applied' && (
        <>
          <ApplyProgress plan={state.plan} jobId={state.jobId} />
          {running && <p className="field-hint">Hide leaves it running; its progress stays on the Jobs page.</p>}
        </>
      )}
    </Dialog>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function cellDetail(matrix: Matrix | null, model: string, host: string): string | null {
  return matrix?.models.find((row) => row.name === model)?.cells[host]?.detail ?? null;
}
