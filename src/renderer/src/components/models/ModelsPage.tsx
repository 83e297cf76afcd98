import { useState } from 'react';
import { hasActiveFilters } from '../../models/model-query';
import { selectModelView, selectWorkspace } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ModelDetail } from '../model-detail/ModelDetail';
import { DiscoveredModels } from './DiscoveredModels';
import { EmptyWorkspace } from './EmptyWorkspace';
import { ModelGrid } from './ModelGrid';
import { ModelsToolbar } from './ModelsToolbar';
import { NewModelButton } from './NewModelButton';
import { SyncNowButton } from './SyncNowButton';
import { NoMatches } from './NoMatches';

export function ModelsPage() {
  const view = useAppStore(selectModelView);
  const filtering = useAppStore((s) => hasActiveFilters(s.filters));
  const workspace = useAppStore(selectWorkspace);
  const detail = useAppStore((s) => s.detail);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);

  return (
    <section className="page page--models" aria-labelledby="models-title">
      {/* Kept mounted under the detail (inert), so closing it returns to the same scroll position. */}
      <div className="page__layer" inert={detail !== null}>
        <header className="page__header">
          <h1 id="models-title">Models</h1>
          <p className="page__summary" role="status" data-testid="models-summary">
            {filtering ? `${view.shown} of ${view.total} models` : `${view.total} ${view.total === 1 ? 'model' : 'models'}`}
          </p>
          <div className="page__actions">
            <NewModelButton />
            <SyncNowButton />
          </div>
        </header>
        <ModelsToolbar />
        <div className="page__scroll" ref={setScroller}>
          {view.total === 0 ? (
            <EmptyWorkspace registryPath={workspace?.registryPath ?? 'model_settings.json'} />
          ) : view.shown === 0 ? (
            <NoMatches total={view.total} />
          ) : (
            <ModelGrid groups={view.groups} scrollElement={scroller} />
          )}
          <DiscoveredModels />
        </div>
      </div>
      {detail && <ModelDetail name={detail.name} tab={detail.tab} />}
    </section>
  );
}
