import { Fragment, type Ref } from 'react';
import type { FamilyGroup } from '../../models/family-groups';
import { firstScreenSections } from '../../models/first-screen-sections';
import { ModelCard } from './ModelCard';
import { FamilyHeadingRow } from './FamilyHeadingRow';

/** Cards the server renders: a 1920×1080 window's first screen (6 columns × 4 rows); the rest come once the grid is measured. */
export const FIRST_SCREEN_CARDS = 24;

interface FirstScreenGridProps {
  groups: readonly FamilyGroup[];
  defaultModel: string | null;
  readOnly: boolean;
  gridRef: Ref<HTMLDivElement>;
  /** The virtual grid's row heights, so nothing moves when it takes over. */
  cardRowHeight: number;
  familyRowHeight: number;
}

/**
 * The grid before it has a width: the first screen of cards in the virtual grid's order, laid out
 * by CSS columns (auto-fill at the cards' minimum width) instead of measured rows. Rendered by the
 * server and hydrated as is; the virtual grid replaces it as soon as the browser has measured it.
 */
export function FirstScreenGrid({ groups, defaultModel, readOnly, gridRef, cardRowHeight, familyRowHeight }: FirstScreenGridProps) {
  const { sections, left } = firstScreenSections(groups, FIRST_SCREEN_CARDS);
  return (
    <div ref={gridRef} className="model-grid model-grid--first-screen" data-testid="model-grid">
      {sections.map((section) => (
        <Fragment key={section.key}>
          {section.kind === 'family' && (
            <div style={{ height: familyRowHeight }}>
              <FamilyHeadingRow label={section.label} count={section.count} />
            </div>
          )}
          <div className="model-grid__cards model-grid__cards--auto">
            {section.models.map((model) => (
              <ModelCard key={model.name} model={model} isDefault={model.name === defaultModel} readOnly={readOnly} />
            ))}
          </div>
        </Fragment>
      ))}
      {/* Room for the cards not rendered yet, so what follows the grid starts below the screen as it will. */}
      {left > 0 && <div aria-hidden="true" style={{ height: Math.ceil(left / 4) * cardRowHeight }} />}
    </div>
  );
}
