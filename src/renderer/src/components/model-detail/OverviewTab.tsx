import type { ModelEntry } from '../../../../shared/registry';
import { formatWhen } from '../../models/job-format';
import { useAppStore } from '../../store/store-context';
import { BaseModelFact } from './BaseModelFact';
import { BuildFacts } from './BuildFacts';

/** Keys the app knows; anything else in the entry (the seed's `is_jamie_model`) is listed as kept. */
const KNOWN = new Set([
  'name',
  'display_name',
  'description',
  'version',
  'base_model',
  'modelfile',
  'show_in_ui',
  'auto_preload',
  'created_at',
  'last_updated',
  'status',
  'failure_reason',
  'build',
]);

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The registry entry, read-only for now, with what the last build was made from. */
export function OverviewTab({ model }: { model: ModelEntry }) {
  const isDefault = useAppStore((s) => s.snapshot?.registry.default_model === model.name);
  const extras = Object.entries(model).filter(([key]) => !KNOWN.has(key));
  return (
    <div className="overview" data-testid="overview">
      {model.status === 'failed' && model.failure_reason && (
        <section className="overview__failure" aria-labelledby="overview-failure-title" data-testid="failure-reason">
          <h2 id="overview-failure-title">The last build failed</h2>
          <pre>{model.failure_reason}</pre>
        </section>
      )}
      <section className="overview__section" aria-labelledby="overview-entry-title">
        <h2 id="overview-entry-title">Registry entry</h2>
        <dl className="facts">
          <dt>Ollama name</dt>
          <dd className="mono">{model.name}</dd>
          <dt>Display name</dt>
          <dd>{model.display_name || <span className="muted">Not set (the Ollama name is shown)</span>}</dd>
          <dt>Description</dt>
          <dd className="overview__prose">{model.description || <span className="muted">None</span>}</dd>
          <dt>Version</dt>
          <dd>{model.version || <span className="muted">None</span>}</dd>
          <dt>Base model</dt>
          <dd>
            <BaseModelFact name={model.base_model} />
          </dd>
          <dt>Modelfile</dt>
          <dd>{model.modelfile ? <code className="path">{model.modelfile}</code> : <span className="muted">None</span>}</dd>
          <dt>Default model</dt>
          <dd>{yesNo(isDefault)}</dd>
          <dt>Shown in UI</dt>
          <dd>{yesNo(model.show_in_ui)}</dd>
          <dt>Preload at start</dt>
          <dd>{yesNo(model.auto_preload)}</dd>
          <dt>Added</dt>
          <dd>{formatWhen(model.created_at)}</dd>
          <dt>Last updated</dt>
          <dd>{formatWhen(model.last_updated)}</dd>
        </dl>
      </section>
      <BuildFacts model={model} />
      {extras.length > 0 && (
        <section className="overview__section" aria-labelledby="overview-extra-title">
          <h2 id="overview-extra-title">Other fields</h2>
          <p className="section-hint">Kept as they are in model_settings.json on every save.</p>
          <dl className="facts">
            {extras.map(([key, value]) => (
              <div key={key} className="facts__row">
                <dt className="mono">{key}</dt>
                <dd className="mono">{JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </div>
  );
}
