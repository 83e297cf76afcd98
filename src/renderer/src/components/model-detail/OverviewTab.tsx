import type { ModelEntry } from '../../../../shared/registry';
import { FactsSection } from '../facts/FactsSection';
import { BuildFacts } from './BuildFacts';
import { OverviewEditor } from './OverviewEditor';

/** The registry entry, editable in place, with what the last build was made from. */
export function OverviewTab({ model }: { model: ModelEntry }) {
  return (
    <div className="overview" data-testid="overview">
      {model.status === 'failed' && model.failure_reason && (
        <section className="overview__failure" aria-labelledby="overview-failure-title" data-testid="failure-reason">
          <h2 id="overview-failure-title">The last build failed</h2>
          <pre>{model.failure_reason}</pre>
        </section>
      )}
      {/* Keyed: a draft typed for one model never carries over to the next one opened. */}
      <OverviewEditor key={model.name} model={model} />
      <FactsSection name={model.name} inOllama={model.status === 'available'} registered />
      <BuildFacts model={model} />
    </div>
  );
}
