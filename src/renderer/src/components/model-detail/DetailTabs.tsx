import { useRef, type KeyboardEvent } from 'react';
import { DETAIL_TABS, type DetailTab } from '../../store/detail-slice';

const LABELS: Record<DetailTab, string> = { overview: 'Overview', modelfile: 'Modelfile', versions: 'Versions', history: 'History' };

interface DetailTabsProps {
  idBase: string;
  tab: DetailTab;
  dirty: boolean;
  historyCount: number;
  onSelect(tab: DetailTab): void;
}

export const tabId = (idBase: string, tab: DetailTab) => `${idBase}-tab-${tab}`;
export const panelId = (idBase: string, tab: DetailTab) => `${idBase}-panel-${tab}`;

/** Arrow keys move between tabs and select them (roving focus), as a desktop tab strip does. */
export function DetailTabs({ idBase, tab, dirty, historyCount, onSelect }: DetailTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = DETAIL_TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? DETAIL_TABS[(index + 1) % DETAIL_TABS.length]
        : event.key === 'ArrowLeft'
          ? DETAIL_TABS[(index - 1 + DETAIL_TABS.length) % DETAIL_TABS.length]
          : event.key === 'Home'
            ? DETAIL_TABS[0]
            : event.key === 'End'
              ? DETAIL_TABS.at(-1)
              : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    listRef.current?.ownerDocument.getElementById(tabId(idBase, next))?.focus();
  };
  return (
    <div ref={listRef} role="tablist" aria-label="Model detail" className="detail-tabs" onKeyDown={onKeyDown}>
      {DETAIL_TABS.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={tabId(idBase, t)}
          aria-selected={t === tab}
          aria-controls={panelId(idBase, t)}
          tabIndex={t === tab ? 0 : -1}
          className="detail-tabs__tab"
          data-testid={`detail-tab-${t}`}
          data-dirty={t === 'modelfile' && dirty ? true : undefined}
          onClick={() => onSelect(t)}
        >
          {LABELS[t]}
          {t === 'modelfile' && dirty && (
            <span className="dirty-dot" aria-hidden="true" title="Unsaved changes">
              ●
            </span>
          )}
          {t === 'history' && historyCount > 0 && (
            <span className="count-badge" aria-hidden="true">
              {historyCount}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
