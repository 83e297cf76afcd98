import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import type { Matrix, MatrixRow } from '../../../../shared/deploy/plan-schema';
import type { HostView } from '../../../../shared/hosts/host-config';
import type { ModelEntry } from '../../../../shared/registry';
import { displayNameOf } from '../../models/model-labels';
import { selectModels, selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { ModelName } from '../names/ModelName';
import { HostHeader } from './HostHeader';
import { MatrixCell } from './MatrixCell';

/** Rows have a fixed height (a chip, a thin bar under it while building), so none is measured. */
export const MATRIX_ROW_HEIGHT = 52;
/** The sticky head's height: the virtual rows start under it. */
export const MATRIX_HEAD_HEIGHT = 64;
const NAME_COLUMN = 240;
const HOST_COLUMN = 184;

interface HostsMatrixProps {
  matrix: Matrix;
  hosts: readonly HostView[];
}

/**
 * Registry models (rows) × hosts (columns), then the base models. Only the rows near the viewport
 * are in the DOM; the head and the names column stay in view while it scrolls both ways, inside
 * the matrix only.
 */
export function HostsMatrix({ matrix, hosts }: HostsMatrixProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const models = useAppStore(selectModels);
  const readOnly = useAppStore(selectReadOnly);
  const views = useMemo(() => new Map(hosts.map((h) => [h.name, h])), [hosts]);
  const offline = useMemo(() => new Set(matrix.hosts.filter((h) => h.status !== 'online').map((h) => h.name)), [matrix.hosts]);
  const columns = `${NAME_COLUMN}px repeat(${matrix.hosts.length}, minmax(${HOST_COLUMN}px, 1fr))`;
  const minWidth = NAME_COLUMN + HOST_COLUMN * matrix.hosts.length;
  const rowCount = matrix.models.length + (matrix.baseModels.length > 0 ? matrix.baseModels.length + 1 : 0) + 1;

  // The virtualizer's methods are not memo-safe; this component is not compiled with React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: matrix.models.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => MATRIX_ROW_HEIGHT,
    getItemKey: (index) => matrix.models[index]?.name ?? index,
    scrollMargin: MATRIX_HEAD_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const padTop = first ? first.start - MATRIX_HEAD_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - MATRIX_HEAD_HEIGHT) : 0;

  return (
    <div
      ref={scrollRef}
      className="hosts-matrix"
      role="table"
      aria-label="Where each model is: models by host"
      aria-rowcount={rowCount}
      aria-colcount={matrix.hosts.length + 1}
      data-testid="hosts-matrix"
      // Wide on purpose: many hosts scroll sideways inside the matrix, never the page.
      data-scroll-x="allowed"
      tabIndex={-1}
    >
      <div className="hosts-matrix__inner" style={{ minWidth }}>
        <div role="rowgroup" className="hosts-matrix__head">
          <div role="row" aria-rowindex={1} className="hosts-matrix__row hosts-matrix__row--head" style={{ gridTemplateColumns: columns, height: MATRIX_HEAD_HEIGHT }}>
            <div role="columnheader" className="hosts-matrix__corner">
              Model
            </div>
            {matrix.hosts.map((host) => (
              <HostHeader key={host.name} host={host} view={views.get(host.name)} />
            ))}
          </div>
        </div>
        <div role="rowgroup" data-testid="matrix-models" style={{ paddingTop: padTop, paddingBottom: padBottom }}>
          {items.map((item) => {
            const row = matrix.models[item.index];
            if (!row) return null;
            return (
              <MatrixRowView
                key={item.key}
                row={row}
                rowIndex={item.index + 2}
                entry={models[row.name]}
                hosts={matrix.hosts}
                offline={offline}
                columns={columns}
                deployable
                readOnly={readOnly}
              />
            );
          })}
        </div>
        {matrix.baseModels.length > 0 && (
          <div role="rowgroup" data-testid="matrix-base-models">
            <div role="row" aria-rowindex={matrix.models.length + 2} className="hosts-matrix__section">
              <div role="rowheader" aria-colspan={matrix.hosts.length + 1} className="hosts-matrix__section-title">
                <h2>Base models</h2>
                <span className="muted">Pulled from the Ollama library; a plan pulls the ones a host needs.</span>
              </div>
            </div>
            {matrix.baseModels.map((row, index) => (
              <MatrixRowView
                key={row.name}
                row={row}
                rowIndex={matrix.models.length + 3 + index}
                entry={undefined}
                hosts={matrix.hosts}
                offline={offline}
                columns={columns}
                deployable={false}
                readOnly={readOnly}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

interface MatrixRowViewProps {
  row: MatrixRow;
  rowIndex: number;
  entry: ModelEntry | undefined;
  hosts: Matrix['hosts'];
  offline: ReadonlySet<string>;
  columns: string;
  deployable: boolean;
  readOnly: boolean;
}

const MatrixRowView = memo(function MatrixRowView({ row, rowIndex, entry, hosts, offline, columns, deployable, readOnly }: MatrixRowViewProps) {
  const display = entry ? displayNameOf(entry) : null;
  return (
    <div role="row" aria-rowindex={rowIndex} className="hosts-matrix__row" data-testid="matrix-row" data-model={row.name} style={{ gridTemplateColumns: columns, height: MATRIX_ROW_HEIGHT }}>
      <div role="rowheader" className="hosts-matrix__name">
        {display && display !== row.name && <ModelName text={display} className="hosts-matrix__display" />}
        <ModelName text={row.name} mono className="hosts-matrix__model" />
      </div>
      {hosts.map((host) => (
        <MatrixCell key={host.name} model={row.name} host={host.name} cell={row.cells[host.name]} hostOffline={offline.has(host.name)} deployable={deployable} readOnly={readOnly} />
      ))}
    </div>
  );
});
