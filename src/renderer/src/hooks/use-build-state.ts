import type { ModelEntry } from '../../../shared/registry';
import { buildStateOf, type BuildState } from '../models/build-state';
import { selectActiveCreateFor, selectLatestJobFor } from '../store/job-selectors';
import { selectIsOutdated } from '../store/modelfile-selectors';
import { useAppStore } from '../store/store-context';

/** A model's status as the UI shows it: the registry's, overridden by a create job running now. */
export function useBuildState(model: ModelEntry): BuildState {
  const active = useAppStore(selectActiveCreateFor(model.name));
  const latest = useAppStore(selectLatestJobFor(model.name));
  const outdated = useAppStore(selectIsOutdated(model.name));
  return buildStateOf(model, active, outdated, latest);
}
