import { memo } from 'react';
import type { Cell } from '../../../../shared/deploy/plan-schema';
import { canDeploy, cellView } from '../../models/host-cell';
import { selectCellJob } from '../../store/hosts-selectors';
import { useAppStore } from '../../store/store-context';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { CellChip } from './CellChip';

interface MatrixCellProps {
  model: string;
  host: string;
  cell: Cell | undefined;
  /** The column of a host that does not answer is greyed. */
  hostOffline: boolean;
  /** Base models are pulled, never deployed from here: their cells have no menu. */
  deployable: boolean;
  readOnly: boolean;
}

/** One model on one host: its chip and, on hover or focus, a menu to deploy it there or see its job. */
export const MatrixCell = memo(function MatrixCell({ model, host, cell, hostOffline, deployable, readOnly }: MatrixCellProps) {
  const job = useAppStore(selectCellJob(model, host, cell));
  const deploy = useAppStore((s) => s.deployVersion);
  const navigate = useAppStore((s) => s.navigate);
  const view = cellView(cell, job);
  const items: MenuItem[] = [
    { id: 'deploy', label: `Deploy to ${host}`, onSelect: () => void deploy(model, host), disabled: readOnly || !canDeploy(view.state) },
    ...(view.jobId ? [{ id: 'job', label: 'Show the job', onSelect: () => navigate('jobs') }] : []),
  ];
  return (
    <div role="cell" className="host-cell" data-testid="host-cell" data-host={host} data-model={model} data-cell-state={view.state} data-offline={hostOffline || undefined}>
      <CellChip view={view} what={`${model} on ${host}`} />
      {deployable && (
        // The note carries the tooltip's words for keyboard and screen-reader users.
        <MenuButton label={`${model} on ${host}`} items={items} note={view.title} />
      )}
    </div>
  );
});
