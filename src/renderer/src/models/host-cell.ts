import type { Cell, CellState } from '../../../shared/deploy/plan-schema';
import type { Job } from '../../../shared/jobs';
import { formatWhen, isActive, percentOf, wholePercent } from './job-format';

export const CELL_LABELS: Record<CellState, string> = {
  available: 'Available',
  outdated: 'Outdated',
  unverified: 'Unverified',
  missing: 'Missing',
  queued: 'Queued',
  building: 'Building',
  failed: 'Failed',
  blocked: 'Blocked',
  offline: 'Offline',
};

/** What each state means, for the tooltip when the cell has no detail of its own. */
export const CELL_HINTS: Record<CellState, string> = {
  available: 'On this host, built from the Modelfile the registry has now',
  outdated: 'On this host, but built from an older Modelfile or base: deploy it again',
  unverified: 'On this host under this name, but not built there by Modelwright: applying a plan rebuilds it',
  missing: 'Not on this host yet',
  queued: 'Waiting to be built on this host',
  building: 'Being built on this host',
  failed: 'The last build on this host failed',
  blocked: 'Cannot be built: its Modelfile has problems, or it has none',
  offline: 'The host does not answer, so its state is unknown',
};

/** A cell as shown: the matrix's answer, overtaken by a deploy job of this window that is still running. */
export interface CellView {
  state: CellState;
  label: string;
  /** 0–100 while building with totals. */
  percent: number | null;
  jobId: string | null;
  title: string;
}

export function cellView(cell: Cell | undefined, liveJob: Job | null): CellView {
  const base: Cell = cell ?? { state: 'missing', digest: null, deployedAt: null, jobId: null, percent: null, detail: null };
  let state = base.state;
  let percent = base.percent;
  let jobId = base.jobId;
  if (liveJob && isActive(liveJob) && state !== 'offline') {
    state = liveJob.state === 'queued' ? 'queued' : 'building';
    percent = liveJob.progress ? percentOf(liveJob.progress) : null;
    jobId = liveJob.id;
  }
  const whole = percent === null ? null : wholePercent(percent);
  const label = state === 'building' && whole !== null ? `Building ${whole}%` : CELL_LABELS[state];
  const lines = [base.detail && state === base.state ? base.detail : CELL_HINTS[state]];
  if (base.digest) lines.push(`Digest: ${shortDigest(base.digest)}`);
  if (base.deployedAt) lines.push(`Built here: ${formatWhen(base.deployedAt)}`);
  return { state, label, percent: whole, jobId, title: lines.join('\n') };
}

/** `sha256:6a0746a1ec1a…` is long: the first 12 hex digits tell builds apart, as `ollama list` shows them. */
export function shortDigest(digest: string): string {
  const hex = digest.replace(/^sha256:/, '');
  return hex.slice(0, 12);
}

/** A deploy can start unless the host is away, the model cannot be built, or a build is under way. */
export function canDeploy(state: CellState): boolean {
  return state !== 'offline' && state !== 'blocked' && state !== 'queued' && state !== 'building';
}
