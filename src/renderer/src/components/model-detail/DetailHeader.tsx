import type { ModelEntry } from '../../../../shared/registry';
import { useBuildState } from '../../hooks/use-build-state';
import { displayNameOf, versionLabel } from '../../models/model-labels';
import { StatusChip } from '../common/StatusChip';
import { ModelPrimaryAction } from '../models/ModelPrimaryAction';
import { OutdatedMarker } from '../models/OutdatedMarker';
import { DetailModelOps } from './DetailModelOps';
import { LoadModelButton } from '../running/LoadModelButton';
import { ModelName } from '../names/ModelName';

interface DetailHeaderProps {
  model: ModelEntry;
  titleId: string;
  dirty: boolean;
  readOnly: boolean;
  /** False on the Modelfile tab, whose toolbar has the Create button next to Save: one Create per page. */
  primaryAction?: boolean;
  onClose(): void;
  onCreate(): void;
}

export function DetailHeader({ model, titleId, dirty, readOnly, primaryAction = true, onClose, onCreate }: DetailHeaderProps) {
  const build = useBuildState(model);
  const display = displayNameOf(model);
  const version = versionLabel(model);
  return (
    <header className="detail__head">
      <button type="button" className="button button--small detail__back" data-testid="detail-close" title="Back to the models (Esc)" onClick={onClose}>
        <span aria-hidden="true">←</span> Models
      </button>
      <div className="detail__titles">
        <h1 id={titleId} className="detail__title" tabIndex={-1}>
          <ModelName text={display} />
          {dirty && (
            <span className="dirty-dot" title="Unsaved changes in the Modelfile" data-testid="detail-dirty">
              <span aria-hidden="true">●</span>
              <span className="visually-hidden">(unsaved changes)</span>
            </span>
          )}
        </h1>
        <p className="detail__name">
          <ModelName text={model.name} mono />
        </p>
      </div>
      {version && (
        <span className="version-badge" title={`Version ${version}`}>
          {version}
        </span>
      )}
      <StatusChip status={build.status} label={build.label} {...(build.failure ? { hint: build.failure } : {})} />
      {build.action === 'rebuild' && <OutdatedMarker />}
      <div className="detail__actions">
        {primaryAction && <ModelPrimaryAction model={model} action={build.action} readOnly={readOnly} small={false} onCreate={onCreate} />}
        <LoadModelButton model={model.name} title={display} available={model.status === 'available'} small={false} />
        <DetailModelOps model={model} readOnly={readOnly} />
      </div>
    </header>
  );
}
