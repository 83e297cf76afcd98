import type { Job } from '../../../shared/jobs';
import type { ModelEntry, ModelStatus } from '../../../shared/registry';
import { percentOf, wholePercent } from './job-format';

export type PrimaryAction = 'create' | 'rebuild' | 'retry';

/** Each button says what it does: "Retry" alone also meant "check the connection again" elsewhere. */
export const PRIMARY_ACTION_LABELS: Record<PrimaryAction, string> = { create: 'Create', rebuild: 'Rebuild', retry: 'Create again' };

/** What a model's card and detail show: its status, with a running create job taking precedence over the file. */
export interface BuildState {
  status: ModelStatus;
  /** "Creating 42%" while a job reports a percentage. */
  label: string | undefined;
  percent: number | null;
  /** The button the card offers; none when nothing useful can be done (building, or built and current). */
  action: PrimaryAction | null;
  /** The last build's failure, from the registry or from a job that just failed. */
  failure: string | undefined;
}

export function buildStateOf(model: ModelEntry, activeJob: Job | null, outdated: boolean, latestJob: Job | null): BuildState {
  if (activeJob || model.status === 'creating') {
    const percent = activeJob?.progress ? percentOf(activeJob.progress) : null;
    return {
      status: 'creating',
      label: percent === null ? 'Creating' : `Creating ${wholePercent(percent)}%`,
      percent,
      action: null,
      failure: undefined,
    };
  }
  const failure =
    model.status === 'failed'
      ? model.failure_reason?.trim() || (latestJob?.state === 'failed' ? latestJob.error?.trim() : undefined) || undefined
      : undefined;
  let action: PrimaryAction | null = null;
  if (model.status === 'failed') action = 'retry';
  else if (model.status === 'pending' || model.status === 'missing') action = 'create';
  else if (outdated) action = 'rebuild';
  return { status: model.status, label: undefined, percent: null, action, failure };
}
