import type { HostPlan } from '../../../../shared/deploy/plan-schema';
import { actionWords, hostPlanSummary } from '../../models/plan-words';

interface HostPlanSectionProps {
  plan: HostPlan;
  /** The matrix's sentence for a model on this host (why it is outdated), when known. */
  detail(model: string): string | null;
}

/** One host's part of a plan: what apply would do there, in order and in words, and what it leaves alone. */
export function HostPlanSection({ plan, detail }: HostPlanSectionProps) {
  return (
    <section className="plan-host" aria-label={`Host ${plan.host}`} data-testid="plan-host" data-host={plan.host} data-online={plan.online || undefined}>
      <h3 className="plan-host__title">
        <span>{plan.host}</span>
        {plan.primary && <span className="primary-badge">Primary</span>}
        <span className="plan-host__summary muted">{hostPlanSummary(plan)}</span>
      </h3>
      {!plan.online && (
        <p className="field-error" data-testid="plan-host-offline">
          {plan.message ?? 'This host does not answer; it is left out. Start Ollama there, then plan again.'}
        </p>
      )}
      {plan.online && plan.message && <p className="field-hint">{plan.message}</p>}
      {plan.actions.length > 0 && (
        <ol className="plan-actions">
          {plan.actions.map((action) => {
            const words = actionWords(action, detail);
            return (
              <li key={`${action.kind}:${action.model}`} className="plan-action" data-testid="plan-action" data-kind={action.kind}>
                <span className={`plan-action__verb plan-action__verb--${action.kind}`}>{words.verb}</span> <span className="mono">{words.model}</span>
                <span className="plan-action__why"> — {words.why}</span>
              </li>
            );
          })}
        </ol>
      )}
      {plan.skipped.length > 0 && (
        <details className="plan-skipped" data-testid="plan-skipped">
          <summary>{plan.skipped.length} left alone</summary>
          <ul>
            {plan.skipped.map((skip) => (
              <li key={skip.model}>
                <span className="mono">{skip.model}</span>: {skip.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
