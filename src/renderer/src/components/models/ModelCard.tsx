import { memo } from 'react';
import type { ModelEntry } from '../../../../shared/registry';
import { displayNameOf, versionLabel } from '../../models/model-labels';
import { StatusChip } from '../common/StatusChip';
import { ModelCardMenu } from './ModelCardMenu';

interface ModelCardProps {
  model: ModelEntry;
  isDefault: boolean;
  readOnly: boolean;
}

/** One registry model. Memoized: the virtual grid re-renders rows on scroll, and entries are immutable. */
export const ModelCard = memo(function ModelCard({ model, isDefault, readOnly }: ModelCardProps) {
  const display = displayNameOf(model);
  const version = versionLabel(model);
  const failure = model.status === 'failed' ? model.failure_reason?.trim() : undefined;
  return (
    <article className="model-card" aria-label={display} data-testid="model-card" data-model-name={model.name} data-status={model.status}>
      <header className="model-card__head">
        <h3 className="model-card__title" title={display}>
          {display}
        </h3>
        {version && (
          <span className="version-badge" data-testid="version-badge" title={`Version ${version}`}>
            {version}
          </span>
        )}
        <ModelCardMenu model={model} displayName={display} isDefault={isDefault} readOnly={readOnly} />
      </header>
      <p className="model-card__name mono" title={model.name}>
        {model.name}
      </p>
      <div className="model-card__meta">
        <StatusChip status={model.status} {...(failure ? { hint: failure } : {})} />
        {model.base_model && (
          <span className="model-card__base" title={`Base model: ${model.base_model}`}>
            <span className="model-card__base-label">from</span> <span className="mono">{model.base_model}</span>
          </span>
        )}
      </div>
      {failure ? (
        <p className="model-card__description model-card__description--failure" title={failure}>
          Last build failed: {failure}
        </p>
      ) : (
        <p className="model-card__description" title={model.description || undefined}>
          {model.description || <span className="muted">No description</span>}
        </p>
      )}
      <ul className="model-card__markers" aria-label="Markers">
        {isDefault && (
          <li className="marker marker--default" data-testid="marker-default">
            ★ Default
          </li>
        )}
        <li className={model.show_in_ui ? 'marker' : 'marker marker--muted'} data-testid="marker-visibility">
          {model.show_in_ui ? 'Shown in UI' : 'Hidden'}
        </li>
        {model.auto_preload && (
          <li className="marker" data-testid="marker-preload">
            Preload
          </li>
        )}
      </ul>
    </article>
  );
});
