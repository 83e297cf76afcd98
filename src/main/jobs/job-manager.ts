import { randomUUID } from 'node:crypto';
import { AppError, toAppError, type ErrorKind } from '../../shared/errors';
import { isFinished, type Job, type JobKind, type JobState } from '../../shared/jobs';
import type { EventBus } from '../events';
import type { ProgressLine } from '../ollama/progress-line';
import type { JobHistory } from './job-history';
import { DEFAULT_MAX_JOBS, newestFirst } from './job-history';
import { JobProgressTracker, progressOf } from './job-progress';
import { DEFAULT_COALESCE_MS, ProgressCoalescer, type CoalescerTimers } from './progress-coalescer';

/**
 * Runs long work (create, pull) as jobs: queued → running → succeeded | failed | cancelled, and
 * interrupted when the app stops under them. Jobs with the same key (one model's create) never run
 * at once: starting a second while the first is queued or running hands back the first, so a
 * double click or a second window shows the job already under way rather than an error.
 *
 * At most `maxConcurrent` jobs run at once per host (each host is a lane: several hosts build in
 * parallel, and one busy host never holds up another), but a job whose Ollama went silent (StallWatchdog's
 * notice) gives its slot to the next one: a stalled Ollama request may take minutes to be given
 * up, and other models' jobs must not wait behind it.
 *
 * Every change goes out as a `job.updated` event through a per-job coalescer (about ten a second
 * at most, the final state always sent). The history is saved on every change of state.
 */

export interface JobRunContext {
  readonly id: string;
  /** Aborted by cancel (and by shutdown): pass it to every request the job makes. */
  readonly signal: AbortSignal;
  /** One status line (Ollama's, or the app's own for hashing and uploading). */
  report(line: ProgressLine): void;
  /** A line for the job's log. */
  log(message: string): void;
  /**
   * Counted progress without a step per line (an evaluation's "case 3 of 12 · bot-v2"): the
   * status changes with every case, which as report() lines would make a step and a log line each.
   */
  progress(status: string, completed: number, total: number): void;
  /**
   * Seconds Ollama has said nothing (null once it answers again). A job waiting on a silent
   * Ollama gives up its slot, so one stalled model never holds up jobs for the others.
   */
  waiting(silentSeconds: number | null): void;
}

export type JobRunner = (ctx: JobRunContext) => Promise<void>;

export interface StartJob {
  kind: JobKind;
  target: string;
  /** Jobs sharing a key never run at once (e.g. `create:<model key>`). */
  key: string;
  run: JobRunner;
  /** The host it runs on, by name; absent or null: the primary. Each host has its own slots. */
  host?: string | null;
  /** Runs outside every host's slots (an apply, which only waits on jobs of its own). */
  unslotted?: boolean;
}

export interface JobManagerOptions {
  bus?: EventBus;
  history?: JobHistory | null;
  /** Jobs running at the same time; more wait as `queued`. */
  maxConcurrent?: number;
  /** Finished jobs kept (in memory and in the history). */
  maxJobs?: number;
  coalesceMs?: number;
  now?: () => number;
  timers?: Partial<CoalescerTimers>;
}

type StopReason = 'cancel' | 'shutdown';

interface Entry {
  job: Job;
  key: string;
  run: JobRunner | null;
  controller: AbortController;
  tracker: JobProgressTracker;
  coalescer: ProgressCoalescer;
  stop: StopReason | null;
  /** Counted in its lane's running jobs; given up while the job waits on a silent Ollama. */
  holdsSlot: boolean;
  /** Whose slots it takes (its host's), or null when it takes none. */
  lane: string | null;
  done: Promise<Job>;
  resolveDone: (job: Job) => void;
}

export const SHUTDOWN_REASON = 'The app was closed while this job was running, so it did not finish. Start it again.';
/** The abort reason of a job's signal when the app closes (a cancel's is another): jobs that save state can tell. */
export const CLOSING_MESSAGE = 'The app is closing';

export function isClosing(signal: AbortSignal): boolean {
  return signal.reason instanceof AppError && signal.reason.message === CLOSING_MESSAGE;
}

export function snapshotJob(job: Job): Job {
  return { ...job, steps: job.steps.map((s) => ({ ...s })), progress: job.progress ? { ...job.progress } : null, log: [...job.log] };
}

export class JobManager {
  /** Oldest first (insertion order). */
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  /** Running jobs per lane (host). */
  private readonly running = new Map<string, number>();
  private readonly bus: EventBus | undefined;
  private readonly history: JobHistory | null;
  private readonly maxConcurrent: number;
  private readonly maxJobs: number;
  private readonly coalesceMs: number;
  private readonly now: () => number;
  private readonly timers: Partial<CoalescerTimers> | undefined;

  constructor(options: JobManagerOptions = {}) {
    this.bus = options.bus;
    this.history = options.history ?? null;
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 2);
    this.maxJobs = options.maxJobs ?? DEFAULT_MAX_JOBS;
    this.coalesceMs = options.coalesceMs ?? DEFAULT_COALESCE_MS;
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers;
    const loaded = this.history?.load() ?? [];
    for (const job of [...loaded].reverse()) {
      const entry = this.makeEntry(job, '', null);
      entry.resolveDone(snapshotJob(job));
      this.entries.set(job.id, entry);
    }
    // Jobs just marked interrupted are saved as such right away.
    if (loaded.some((job) => job.state === 'interrupted')) {
      this.save();
      this.history?.flush();
    }
  }

  /** Starts a job, or returns the active one with the same key (`existing: true`). */
  start(spec: StartJob): { job: Job; existing: boolean } {
    const active = this.activeEntry(spec.key);
    if (active) return { job: snapshotJob(active.job), existing: true };
    const stamp = new Date(this.now()).toISOString();
    const job: Job = {
      id: randomUUID(),
      kind: spec.kind,
      target: spec.target,
      state: 'queued',
      createdAt: stamp,
      startedAt: null,
      endedAt: null,
      steps: [],
      progress: null,
      error: null,
      log: [],
      ...(spec.host ? { host: spec.host } : {}),
    };
    const entry = this.makeEntry(job, spec.key, spec.run, spec.unslotted ? null : `host:${spec.host ?? ''}`);
    this.entries.set(job.id, entry);
    this.queue.push(entry);
    entry.coalescer.flush(true);
    const queued = snapshotJob(entry.job);
    this.save();
    this.prune();
    this.pump();
    return { job: queued, existing: false };
  }

  /** Every job kept, newest first. */
  list(): Job[] {
    return [...this.entries.values()].reverse().map((entry) => snapshotJob(entry.job));
  }

  get(id: string): Job {
    return snapshotJob(this.require(id).job);
  }

  /** The queued or running job holding `key`, if any. */
  active(key: string): Job | null {
    const entry = this.activeEntry(key);
    return entry ? snapshotJob(entry.job) : null;
  }

  /** Resolves with the job's final state. */
  whenDone(id: string): Promise<Job> {
    return this.require(id).done;
  }

  /** Cancels a queued job at once, or aborts a running one and waits for it to stop. */
  async cancel(id: string): Promise<Job> {
    const entry = this.require(id);
    if (isFinished(entry.job.state)) return snapshotJob(entry.job);
    if (entry.job.state === 'queued') {
      this.dequeue(entry);
      this.finish(entry, 'cancelled', null, 'Cancelled before it started.');
      return snapshotJob(entry.job);
    }
    entry.stop ??= 'cancel';
    entry.controller.abort(new AppError('cancelled', 'Cancelled'));
    return entry.done;
  }

  /** Forgets every finished job, in memory and in the saved history; queued and running jobs stay. */
  clearFinished(): number {
    let removed = 0;
    for (const [id, entry] of this.entries) {
      if (!isFinished(entry.job.state)) continue;
      this.entries.delete(id);
      removed++;
    }
    if (removed > 0) this.save();
    return removed;
  }

  /** Stops everything (the app is closing): running jobs end as interrupted; the history is saved. */
  async shutdown(graceMs = 3_000): Promise<void> {
    for (const entry of [...this.queue]) {
      this.dequeue(entry);
      this.finish(entry, 'interrupted', SHUTDOWN_REASON, 'Interrupted: the app was closed before the job started.');
    }
    const running = [...this.entries.values()].filter((entry) => entry.job.state === 'running');
    for (const entry of running) {
      entry.stop = 'shutdown';
      entry.controller.abort(new AppError('cancelled', CLOSING_MESSAGE));
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref();
    });
    await Promise.race([Promise.all(running.map((entry) => entry.done)), grace]);
    clearTimeout(timer);
    this.history?.flush();
  }

  // ---------- internals ----------

  private makeEntry(job: Job, key: string, run: JobRunner | null, lane: string | null = null): Entry {
    let resolveDone: (job: Job) => void = () => undefined;
    const done = new Promise<Job>((resolve) => {
      resolveDone = resolve;
    });
    const entry: Entry = {
      job,
      key,
      run,
      controller: new AbortController(),
      tracker: new JobProgressTracker(job, this.now),
      coalescer: new ProgressCoalescer(() => this.bus?.emit('job.updated', snapshotJob(job)), this.coalesceMs, this.timers),
      stop: null,
      holdsSlot: false,
      lane,
      done,
      resolveDone,
    };
    return entry;
  }

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new AppError('not_found', `There is no job with the id "${id}" (finished jobs are kept only for a while).`);
    return entry;
  }

  private activeEntry(key: string): Entry | undefined {
    for (const entry of this.entries.values()) {
      if (entry.key === key && !isFinished(entry.job.state)) return entry;
    }
    return undefined;
  }

  private dequeue(entry: Entry): void {
    const index = this.queue.indexOf(entry);
    if (index >= 0) this.queue.splice(index, 1);
  }

  /** Starts every queued job whose lane has a free slot, oldest first. */
  private pump(): void {
    for (let i = 0; i < this.queue.length; ) {
      const entry = this.queue[i]!;
      const lane = entry.lane;
      if (lane !== null && (this.running.get(lane) ?? 0) >= this.maxConcurrent) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      if (lane !== null) {
        this.running.set(lane, (this.running.get(lane) ?? 0) + 1);
        entry.holdsSlot = true;
      }
      void this.execute(entry).finally(() => this.releaseSlot(entry));
    }
  }

  private releaseSlot(entry: Entry): void {
    if (!entry.holdsSlot || entry.lane === null) return;
    entry.holdsSlot = false;
    this.running.set(entry.lane, (this.running.get(entry.lane) ?? 1) - 1);
    this.pump();
  }

  private async execute(entry: Entry): Promise<void> {
    const { job, tracker, coalescer } = entry;
    job.state = 'running';
    job.startedAt = new Date(this.now()).toISOString();
    coalescer.mark();
    this.save();
    const ctx: JobRunContext = {
      id: job.id,
      signal: entry.controller.signal,
      report: (line) => {
        if (isFinished(job.state)) return;
        tracker.apply(line);
        coalescer.mark();
      },
      log: (message) => {
        if (isFinished(job.state)) return;
        tracker.log(message);
        coalescer.mark();
      },
      progress: (status, completed, total) => {
        if (isFinished(job.state)) return;
        job.progress = progressOf(status, null, total, completed, null);
        coalescer.mark();
      },
      waiting: (silentSeconds) => {
        if (isFinished(job.state)) return;
        if (silentSeconds === null) delete job.waitingSeconds;
        else job.waitingSeconds = silentSeconds;
        coalescer.mark();
        if (silentSeconds !== null) this.releaseSlot(entry);
      },
    };
    try {
      await entry.run?.(ctx);
      this.finish(entry, 'succeeded', null, 'Succeeded.');
    } catch (error) {
      const appError = toAppError(error);
      if (entry.stop === 'shutdown') this.finish(entry, 'interrupted', SHUTDOWN_REASON, 'Interrupted: the app was closed.');
      else if (entry.stop === 'cancel') this.finish(entry, 'cancelled', null, 'Cancelled.');
      else this.finish(entry, 'failed', appError.message, `Failed: ${appError.message}`, appError.kind);
    }
  }

  private finish(entry: Entry, state: JobState, error: string | null, logLine: string, errorKind?: ErrorKind): void {
    const { job } = entry;
    entry.tracker.closeAll();
    entry.tracker.log(logLine);
    job.state = state;
    job.error = error;
    delete job.waitingSeconds;
    if (errorKind) job.errorKind = errorKind;
    job.endedAt = new Date(this.now()).toISOString();
    entry.run = null;
    entry.coalescer.flush(true);
    entry.coalescer.dispose();
    this.save();
    entry.resolveDone(snapshotJob(job));
  }

  /** Forgets the oldest finished jobs beyond the limit. */
  private prune(): void {
    let excess = this.entries.size - this.maxJobs;
    if (excess <= 0) return;
    for (const [id, entry] of this.entries) {
      if (excess <= 0) break;
      if (!isFinished(entry.job.state)) continue;
      this.entries.delete(id);
      excess--;
    }
  }

  private save(): void {
    // Newest first by insertion, so jobs created within the same millisecond keep their order.
    this.history?.schedule(() => newestFirst([...this.entries.values()].reverse().map((entry) => entry.job)));
  }
}
