import { memo } from 'react';
import type { ModelEntry } from '../../../../shared/registry';
import { useBuildState } from '../../hooks/use-build-state';
import { displayNameOf, versionLabel } from '../../models/model-labels';
import { useAppStore } from '../../store/store-context';
import { ProgressBar } from '../common/ProgressBar';
import { StatusChip } from '../common/StatusChip';
import { ModelCardMenu } from './ModelCardMenu';
import { ModelPrimaryAction } from './ModelPrimaryAction';
import { OutdatedMarker } from './OutdatedMarker';
import { ModelName } from '../names/ModelName';
import { ModelCardFacts } from '../facts/ModelCardFacts';
import { AliasChips, useAliasesOf } from '../release/AliasChips';

interface ModelCardProps {
  model: ModelEntry;
  isDefault: boolean;
  readOnly: boolean;
}

/**
 * One registry model; the title is the button that opens its detail, stretched over the card so a
 * click anywhere opens it. Memoized: the virtual grid re-renders rows on scroll, and entries are immutable.
 */
export const ModelCard = memo(function ModelCard({ model, isDefault, readOnly }: ModelCardProps) {
  const openModel = useAppStore((s) => s.openModel);
  const build = useBuildState(model);
  const outdated = build.action === 'rebuild';
  const display = displayNameOf(model);
  const version = versionLabel(model);
  const failure = build.failure;
  const aliases = useAliasesOf(model.name);
  return (
    <article
      className="model-card"
      aria-label={display}
      data-testid="model-card"
      data-model-name={model.name}
      data-status={build.status}
      data-outdated={outdated || undefined}
    >
      <header className="model-card__head">
        <h3 className="model-card__title">
          <button type="button" className="model-card__open" data-testid="model-card-open" onClick={() => openModel(model.name)}>
            <ModelName text={display} />
          </button>
        </h3>
        {version && (
          <span className="version-badge" data-testid="version-badge" title={`Version ${version}`}>
            {version}
          </span>
        )}
        <ModelCardMenu model={model} displayName={display} isDefault={isDefault} readOnly={readOnly} />
      </header>
      <p className="model-card__name">
        <ModelName text={model.name} mono />
      </p>
      <div className="model-card__meta">
        <StatusChip status={build.status} label={build.label} {...(failure ? { hint: failure } : {})} />
        {outdated && <OutdatedMarker />}
        {model.base_model && (
          <span className="model-card__base" title={`Base model: ${model.base_model}`}>
            <span className="model-card__base-label">from</span> <span className="mono">{model.base_model}</span>
          </span>
        )}
      </div>
      <ModelCardFacts name={model.name} />
      {failure ? (
        <p className="model-card__description model-card__description--failure" title={failure} data-testid="model-card-failure">
          Last build failed: {failure}
        </p>
      ) : (
        <p className="model-card__description" title={model.description || undefined}>
          {model.description || <span className="muted">No description</span>}
        </p>
      )}
      <div className="model-card__foot">
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
          {aliases.length > 0 && (
            <li className="model-card__aliases">
              <AliasChips aliases={aliases} />
            </li>
          )}
        </ul>
        <ModelPrimaryAction model={model} action={build.action} readOnly={readOnly} />
      </div>
      {build.status === 'creating' && (
        <div className="model-card__progress">
          <ProgressBar percent={build.percent} label={`${build.label ?? 'Creating'} ${display}`} size="thin" testId="model-card-progress" />
        </div>
      )}
    </article>
  );
});
