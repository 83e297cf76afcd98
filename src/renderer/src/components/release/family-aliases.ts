import type { Registry } from '../../../../shared/registry';
import { sameModel } from '../../../../shared/model-name';
import { familyOf } from '../../../../shared/versions';

export interface FamilyAlias {
  alias: string;
  /** The version's registry key. */
  model: string;
}

/** The aliases released from any version of `name`'s family, in file order. */
export function familyAliases(registry: Pick<Registry, 'aliases' | 'models'>, name: string): FamilyAlias[] {
  const family = familyOf(name);
  return Object.entries(registry.aliases ?? {})
    .filter(([, record]) => familyOf(record.model) === family || sameModel(record.model, name))
    .map(([alias, record]) => ({ alias, model: record.model }));
}
