import { useContext, useMemo, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useElementMeasure, readClientWidth, readOffsetTop } from '../../hooks/use-element-measure';
import type { FamilyGroup } from '../../models/family-groups';
import { columnsFor, gridRows } from '../../models/grid-rows';
import { selectDefaultModel, selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ModelCard } from './ModelCard';
import { FamilyHeadingRow } from './FamilyHeadingRow';
import { FirstPageContext } from './first-page-context';
import { FirstScreenGrid } from './FirstScreenGrid';

// Cards have a fixed height (one-line title, two-line description), so rows never need measuring.
export const CARD_MIN_WIDTH = 280;
export const GRID_GAP = 16;
export const CARD_ROW_HEIGHT = 224;
export const FAMILY_ROW_HEIGHT = 44;

interface ModelGridProps {
  groups: readonly FamilyGroup[];
  /** The scrolling ancestor; the grid is virtualized against it, so content below it scrolls along. */
  scrollElement: HTMLElement | null;
}

/** The models as rows of cards, only the rows near the viewport in the DOM. */
export function ModelGrid({ groups, scrollElement }: ModelGridProps) {
  const [grid, setGrid] = useState<HTMLDivElement | null>(null);
  const width = useElementMeasure(grid, readClientWidth);
  const scrollMargin = useElementMeasure(grid, readOffsetTop);
  const columns = columnsFor(width, CARD_MIN_WIDTH, GRID_GAP);
  const rows = useMemo(() => gridRows(groups, columns), [groups, columns]);
  const defaultModel = useAppStore(selectDefaultModel);
  const readOnly = useAppStore(selectReadOnly);
  const firstPage = useContext(FirstPageContext);

  // The virtualizer's methods are not memo-safe; this component is not compiled with React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement,
    estimateSize: (index) => (rows[index]?.kind === 'family' ? FAMILY_ROW_HEIGHT : CARD_ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    scrollMargin,
    overscan: 3,
  });

  if (firstPage && width === 0) {
    return (
      <FirstScreenGrid
        groups={groups}
        defaultModel={defaultModel}
        readOnly={readOnly}
        gridRef={setGrid}
        cardRowHeight={CARD_ROW_HEIGHT}
        familyRowHeight={FAMILY_ROW_HEIGHT}
      />
    );
  }

  return (
    <div ref={setGrid} className="model-grid" data-testid="model-grid" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        return (
          <div
            key={item.key}
            className="model-grid__row"
            style={{ height: item.size, transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            {row.kind === 'family' ? (
              <FamilyHeadingRow label={row.label} count={row.count} />
            ) : (
              <div className="model-grid__cards" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
                {row.models.map((model) => (
                  <ModelCard key={model.name} model={model} isDefault={model.name === defaultModel} readOnly={readOnly} />
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
