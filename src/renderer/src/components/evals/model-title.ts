import type { RunModel } from '../../../../shared/eval/run-record';
import type { ModelEntry } from '../../../../shared/registry';
import { labelOf } from '../../models/model-labels';

/** A run's model as the UI names it: its display name today, or the name it ran under. */
export function modelTitle(models: Readonly<Record<string, ModelEntry>>, model: Pick<RunModel, 'name' | 'role'>): string {
  const label = labelOf(models, model.name);
  return model.role === 'base' && label === model.name ? `${model.name} (base)` : label;
}
