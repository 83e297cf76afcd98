import type { ModelEntry } from '../../../shared/registry';
import type { FamilyGroup } from './family-groups';

export type GridRow =
  | { kind: 'family'; key: string; label: string; count: number }
  | { kind: 'cards'; key: string; models: ModelEntry[] };

/**
 * Lays groups out as rows for the virtual list. A family with several versions gets a heading and
 * starts on a fresh row; single models share rows, so a workspace without versions is a plain grid.
 */
export function gridRows(groups: readonly FamilyGroup[], columns: number): GridRow[] {
  const perRow = Math.max(1, Math.floor(columns));
  const rows: GridRow[] = [];
  let loose: ModelEntry[] = [];
  const pushCards = (models: ModelEntry[]) => {
    for (let i = 0; i < models.length; i += perRow) {
      const slice = models.slice(i, i + perRow);
      rows.push({ kind: 'cards', key: `cards:${slice[0]!.name}`, models: slice });
    }
  };
  for (const group of groups) {
    if (group.models.length === 1) {
      loose.push(group.models[0]!);
      if (loose.length === perRow) {
        pushCards(loose);
        loose = [];
      }
      continue;
    }
    pushCards(loose);
    loose = [];
    rows.push({ kind: 'family', key: `family:${group.key}`, label: group.label, count: group.models.length });
    pushCards(group.models);
  }
  pushCards(loose);
  return rows;
}

/** How many cards of at least `minWidth` fit across `width`, with `gap` between them. */
export function columnsFor(width: number, minWidth: number, gap: number): number {
  if (width <= 0) return 1;
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}
