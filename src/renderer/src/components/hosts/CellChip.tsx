import type { CellView } from '../../models/host-cell';
import { ProgressBar } from '../common/ProgressBar';
import { CellIcon } from './CellIcon';

interface CellChipProps {
  view: CellView;
  /** Names the bar for screen readers: "Building bot-v2 on gpu-box". */
  what: string;
}

/** A model's state on one host: a word with its shape, the detail and digest on hover, a thin bar while building. */
export function CellChip({ view, what }: CellChipProps) {
  return (
    <span className="cell-chip-wrap">
      <span className="status-chip cell-chip" data-cell-state={view.state} data-testid="cell-chip" title={view.title}>
        <CellIcon state={view.state} />
        {view.label}
      </span>
      {view.state === 'building' && <ProgressBar percent={view.percent} label={`Building ${what}`} size="thin" testId="cell-progress" />}
    </span>
  );
}
