import type { Cell, Matrix, MatrixRow } from '../../../shared/deploy/plan-schema';
import type { HostView } from '../../../shared/hosts/host-config';
import type { Job } from '../../../shared/jobs';
import { memoizeLast } from '../models/memoize-last';
import type { AppState } from './app-state';
import { deployKey } from './hosts-slice';

const NO_HOSTS: readonly HostView[] = [];

export const selectHosts = (s: AppState) => s.hosts ?? NO_HOSTS;
/** Deploying elsewhere is offered only once a second host exists. */
export const selectHasOtherHosts = (s: AppState) => (s.hosts?.length ?? 0) > 1;
export const selectMatrix = (s: AppState): Matrix | null => s.matrix.value;

const rowsByName = memoizeLast((matrix: Matrix | null): ReadonlyMap<string, MatrixRow> => {
  const map = new Map<string, MatrixRow>();
  for (const row of matrix?.models ?? []) map.set(row.name, row);
  return map;
});

/** A registry model's row of the matrix (its cell on each host), or null before the matrix is read. */
export const selectMatrixRow = (model: string) => (s: AppState) => rowsByName(s.matrix.value).get(model) ?? null;

/** The cell's job, running or last failed: one started here, else the one the matrix names. */
export const selectCellJob =
  (model: string, host: string, cell: Cell | undefined) =>
  (s: AppState): Job | null => {
    const started = s.deployJobs[deployKey(model, host)];
    const job = (started ? s.jobs[started] : undefined) ?? (cell?.jobId ? s.jobs[cell.jobId] : undefined);
    return job ?? null;
  };
