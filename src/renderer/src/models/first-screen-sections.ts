import type { ModelEntry } from '../../../shared/registry';
import type { FamilyGroup } from './family-groups';

/**
 * The grid before it knows its width (the page the server renders): the same order as gridRows,
 * but as sections the browser lays out itself. Runs of single models share one section and a
 * family gets a heading and its own section, which is exactly how gridRows breaks rows, so CSS
 * auto-fill columns give the rows the virtual grid will give once it has measured.
 */
export type FirstScreenSection =
  | { kind: 'loose'; key: string; models: ModelEntry[] }
  | { kind: 'family'; key: string; label: string; count: number; models: ModelEntry[] };

export interface FirstScreen {
  sections: FirstScreenSection[];
  /** Cards not in the sections: the rest of the grid, shown once it is measured. */
  left: number;
}

/** The sections holding the first `maxCards` cards, in grid order. */
export function firstScreenSections(groups: readonly FamilyGroup[], maxCards: number): FirstScreen {
  const sections: FirstScreenSection[] = [];
  let room = Math.max(0, Math.floor(maxCards));
  let left = 0;
  let loose: ModelEntry[] = [];
  const flushLoose = () => {
    if (loose.length > 0) sections.push({ kind: 'loose', key: `cards:${loose[0]!.name}`, models: loose });
    loose = [];
  };
  for (const group of groups) {
    const taken = group.models.slice(0, room);
    left += group.models.length - taken.length;
    room -= taken.length;
    if (taken.length === 0) continue;
    if (group.models.length === 1) {
      loose.push(taken[0]!);
      continue;
    }
    flushLoose();
    sections.push({ kind: 'family', key: `family:${group.key}`, label: group.label, count: group.models.length, models: taken });
  }
  flushLoose();
  return { sections, left };
}
