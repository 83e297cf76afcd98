import type { ImportSelection } from '../../../../shared/import-apply';
import type { ImportItem, ImportPlan } from '../../../../shared/import-plan';
import { sameModel } from '../../../../shared/model-name';

/** Ticks by `kind:name`. */
export type Ticks = Readonly<Record<string, boolean>>;

export const tickKey = (item: Pick<ImportItem, 'kind' | 'name'>) => `${item.kind}:${item.name}`;

/** New entries are ticked; changes wait for the user (nothing is overwritten unless asked). */
export function initialTicks(plan: ImportPlan): Ticks {
  const ticks: Record<string, boolean> = {};
  for (const item of [...plan.models, ...plan.baseModels]) ticks[tickKey(item)] = item.action === 'add';
  return ticks;
}

export function selectionOf(plan: ImportPlan, ticks: Ticks, defaultModel: boolean): ImportSelection {
  const picked = (items: ImportItem[]) =>
    items.filter((item) => (item.action === 'add' || item.action === 'change') && ticks[tickKey(item)]).map((item) => ({ name: item.name, action: item.action as 'add' | 'change' }));
  return { models: picked(plan.models), baseModels: picked(plan.baseModels), defaultModel };
}

/** Whether the file's default can be made the default: the model is here already, or it is an add the user ticked. */
export function defaultReachable(plan: ImportPlan, ticks: Ticks, isHere: (name: string) => boolean): boolean {
  const name = plan.defaultModel.imported;
  if (name === null) return false;
  if (isHere(name)) return true;
  const item = plan.models.find((m) => sameModel(m.name, name));
  return item?.action === 'add' && ticks[tickKey(item)] === true;
}
