import type { ModelEntry, ModelStatus } from '../../../shared/registry';
import { familyOf, parseVersionedName } from '../../../shared/versions';
import { displayNameOf, versionNumberOf } from './model-labels';
import type { SortKey } from './model-query';

export interface FamilyGroup {
  /** `familyOf` of the names: lower case, without `-vN`. */
  key: string;
  /** The family as the newest member spells it. */
  label: string;
  /** Newest version first. */
  models: ModelEntry[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Problems first, so "sort by status" answers "what needs me?". */
const STATUS_RANK: Record<ModelStatus, number> = { failed: 0, missing: 1, creating: 2, pending: 3, available: 4 };

/** Newest version first; computed once per member, since a comparator runs n·log n times. */
function sortNewestFirst(members: ModelEntry[]): ModelEntry[] {
  if (members.length < 2) return members;
  const decorated = members.map((model) => ({ model, version: versionNumberOf(model) }));
  decorated.sort((a, b) => {
    if (a.version !== b.version) {
      if (a.version === null) return 1;
      if (b.version === null) return -1;
      return b.version - a.version;
    }
    return collator.compare(a.model.name, b.model.name);
  });
  return decorated.map((d) => d.model);
}

function latestUpdate(group: FamilyGroup): string {
  let latest = '';
  for (const model of group.models) {
    const at = model.last_updated ?? model.created_at ?? '';
    if (at > latest) latest = at;
  }
  return latest;
}

function groupComparator(sort: SortKey): (a: FamilyGroup, b: FamilyGroup) => number {
  const byFamily = (a: FamilyGroup, b: FamilyGroup) => collator.compare(a.key, b.key);
  switch (sort) {
    case 'name':
      return byFamily;
    case 'display':
      return (a, b) => collator.compare(displayNameOf(a.models[0]!), displayNameOf(b.models[0]!)) || byFamily(a, b);
    case 'updated': {
      const cache = new Map<FamilyGroup, string>();
      const at = (g: FamilyGroup) => cache.get(g) ?? cache.set(g, latestUpdate(g)).get(g)!;
      return (a, b) => (at(b) < at(a) ? -1 : at(b) > at(a) ? 1 : byFamily(a, b));
    }
    case 'status': {
      const rank = (g: FamilyGroup) => Math.min(...g.models.map((m) => STATUS_RANK[m.status]));
      return (a, b) => rank(a) - rank(b) || byFamily(a, b);
    }
  }
}

/** Siblings (`name-v1`, `name-v2`) together, newest version first; groups in the chosen order. */
export function groupByFamily(models: readonly ModelEntry[], sort: SortKey): FamilyGroup[] {
  const byKey = new Map<string, ModelEntry[]>();
  for (const model of models) {
    const key = familyOf(model.name);
    const members = byKey.get(key);
    if (members) members.push(model);
    else byKey.set(key, [model]);
  }
  const groups: FamilyGroup[] = [];
  for (const [key, members] of byKey) {
    const sorted = sortNewestFirst(members);
    groups.push({ key, label: parseVersionedName(sorted[0]!.name).family, models: sorted });
  }
  return groups.sort(groupComparator(sort));
}
