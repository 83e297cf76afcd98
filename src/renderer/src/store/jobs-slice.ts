import { isFinished, type Job } from '../../../shared/jobs';
import { retryLabel } from '../models/job-format';
import { displayNameOf } from '../models/model-labels';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';
import { isNewerJob } from './job-merge';
import { ownValue } from '../../../shared/own-key';

/** Where a job update came from: a live event, a call's answer, or the list loaded at start. */
export type JobSource = 'event' | 'call' | 'list';

export interface JobsSlice {
  /** Every job seen, by id; kept current by `job.updated` events. */
  jobs: Readonly<Record<string, Job>>;
  jobsStatus: 'idle' | 'loading' | 'ready' | 'failed';
  jobsError: string | null;
  /** Merges one job by id; a job seen finishing (not one loaded already finished) is announced. */
  receiveJob(job: Job, source: JobSource): void;
  loadJobs(): Promise<void>;
  /** Starts a create job right away, with no checks: `requestCreate` is the button's entry. */
  createModel(name: string, pullBase: boolean): Promise<ActionResult<Job>>;
  /** Pulls a model (a base model) as a job; a retry resumes the download. */
  pullModel(model: string): Promise<ActionResult<Job>>;
  cancelJob(id: string): Promise<ActionResult<Job>>;
  /** Runs a finished create or pull again (a create goes through the same checks as its button). */
  retryJob(job: Job): void;
}

/**
 * Jobs that can be run again from their record: creates and pulls that did not succeed. A pull of
 * a name the library does not have would only fail again: the name has to change first.
 */
export function canRetry(job: Job): boolean {
  if (job.kind === 'pull' && job.errorKind === 'not_found') return false;
  // On another host, a create runs again as a deploy there; a pull there comes with the next plan.
  if (job.host && job.kind !== 'create') return false;
  return (job.kind === 'create' || job.kind === 'pull') && isFinished(job.state) && job.state !== 'succeeded';
}

/** Notices about a job are about its model (on its host): a retry's outcome replaces the failure it retried. */
function jobNoticeKey(job: Job): string {
  return `job:${job.kind}:${job.target}${job.host ? `@${job.host}` : ''}`;
}

/** A finished job unknown until now is news only if it just ended (its start raced the create call's answer). */
const FRESH_MS = 15_000;

export const createJobsSlice: SliceCreator<JobsSlice> = ({ client, now }) => (set, get) => {
  const titleOf = (name: string) => {
    const entry = ownValue(get().snapshot?.registry.models, name);
    return entry ? displayNameOf(entry) : name;
  };

  function announce(job: Job): void {
    const state = get();
    const title = titleOf(job.target);
    if (job.kind === 'eval') {
      announceEval(job);
      return;
    }
    if (job.kind === 'apply') {
      announceApply(job);
      return;
    }
    // A job on another host says where: "Created Support Bot v2 on gpu-box".
    const where = job.host ? ` on ${job.host}` : '';
    if (job.state === 'succeeded') {
      const isModel = job.target in (state.snapshot?.registry.models ?? {});
      state.notify({
        tone: 'success',
        title: (job.kind === 'create' ? `Created ${title}` : job.kind === 'pull' ? `Pulled ${title}` : job.kind === 'delete' ? `Deleted ${title} from Ollama` : `${title}: done`) + where,
        key: jobNoticeKey(job),
        ...(isModel ? { action: { label: 'Open', run: () => get().openModel(job.target) } } : {}),
      });
      // Ollama's list changed (a new model, maybe a pulled base): the base-model checks need it.
      state.syncIfStale();
    } else if (job.state === 'failed') {
      state.notify({
        tone: 'error',
        title: (job.kind === 'create' ? `Could not create ${title}` : `${job.kind === 'pull' ? 'Pull' : job.kind === 'delete' ? 'Delete' : 'Job'} failed: ${title}`) + where,
        message: job.error ?? 'The job failed without a message.',
        key: jobNoticeKey(job),
        ...(canRetry(job) ? { action: { label: retryLabel(job.kind), run: () => get().retryJob(job) } } : {}),
      });
    }
  }

  /** An evaluation's target is the family: the notice says so and opens its results. */
  function announceEval(job: Job): void {
    const state = get();
    const open = { label: 'Show results', run: () => get().openEvals(job.target) };
    if (job.state === 'succeeded') state.notify({ tone: 'success', title: `Evaluated ${job.target}`, key: jobNoticeKey(job), action: open });
    else if (job.state === 'failed') {
      state.notify({ tone: 'error', title: `Evaluation failed: ${job.target}`, message: job.error ?? 'The evaluation stopped without a message.', key: jobNoticeKey(job), action: open });
    }
  }

  /** An apply's target names its hosts; its notice opens the Hosts page. */
  function announceApply(job: Job): void {
    const state = get();
    const show = { label: 'Show hosts', run: () => get().navigate('hosts') };
    if (job.state === 'succeeded') state.notify({ tone: 'success', title: 'Applied the plan: the hosts match the registry', key: jobNoticeKey(job), action: show });
    else if (job.state === 'failed') state.notify({ tone: 'error', title: 'The apply did not finish', message: job.error ?? 'It stopped without a message.', key: jobNoticeKey(job), action: show });
  }

  return {
    jobs: {},
    jobsStatus: 'idle',
    jobsError: null,
    receiveJob(job, source) {
      const prev = get().jobs[job.id];
      if (!isNewerJob(prev, job)) return;
      set((state) => ({ jobs: { ...state.jobs, [job.id]: job } }));
      // A new run for the same model (a retry) makes the last run's failure notice old news.
      if (!prev && !isFinished(job.state)) get().resolveNotice(jobNoticeKey(job));
      if (source === 'list' || !isFinished(job.state)) return;
      const wasRunning = prev ? !isFinished(prev.state) : job.endedAt !== null && now() - Date.parse(job.endedAt) < FRESH_MS;
      if (wasRunning) announce(job);
    },
    async loadJobs() {
      set({ jobsStatus: 'loading' });
      const result = await attempt(() => client.call('jobs.list', {}));
      if (!result.ok) {
        // Shown on the Jobs page, not as a notice: the app works without the history.
        set({ jobsStatus: 'failed', jobsError: result.error.message });
        return;
      }
      // One update for the whole list; events that overtook it win (see isNewerJob).
      set((state) => {
        const jobs = { ...state.jobs };
        for (const job of result.value) if (isNewerJob(jobs[job.id], job)) jobs[job.id] = job;
        return { jobs, jobsStatus: 'ready', jobsError: null };
      });
    },
    async createModel(name, pullBase) {
      const result = await attempt(() => client.call('models.create', { name, pullBase }));
      if (result.ok) {
        get().resolveNotice(`create:${name}`);
        get().receiveJob(result.value, 'call');
      } else get().notifyError(`Could not create ${titleOf(name)}`, result.error, `create:${name}`);
      return result;
    },
    async pullModel(model) {
      const result = await attempt(() => client.call('models.pull', { model }));
      if (result.ok) {
        get().resolveNotice(`pull:${model}`);
        get().receiveJob(result.value, 'call');
      } else get().notifyError(`Could not pull ${model}`, result.error, `pull:${model}`);
      return result;
    },
    retryJob(job) {
      if (job.kind === 'create' && job.host) void get().deployVersion(job.target, job.host);
      else if (job.kind === 'create') void get().requestCreate(job.target);
      else if (job.kind === 'pull') void get().pullModel(job.target);
    },
    async cancelJob(id) {
      const result = await attempt(() => client.call('jobs.cancel', { id }));
      if (result.ok) get().receiveJob(result.value, 'call');
      else get().notifyError('Could not cancel the job', result.error);
      return result;
    },
  };
};
