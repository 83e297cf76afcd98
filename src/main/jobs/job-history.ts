import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isFinished, jobSchema, type Job } from '../../shared/jobs';
import { writeFileAtomic } from '../modelfiles/atomic-write';

/**
 * Jobs outlive the process as a JSON file in the app data folder: the last `maxJobs` jobs, each
 * with its log and steps trimmed. Writes are atomic and throttled (one per `throttleMs` at most;
 * progress is not saved, only what the jobs list shows). A job still queued or running in the
 * file when it is loaded was cut off by the app stopping: it comes back as `interrupted`.
 */

export const HISTORY_FILE = 'jobs.json';
export const DEFAULT_MAX_JOBS = 200;
const KEPT_LOG_LINES = 100;
const KEPT_STEPS = 100;

const historyFileSchema = z.object({ version: z.literal(1), jobs: z.array(z.unknown()) });

export const INTERRUPTED_RUNNING = 'The app stopped while this job was running, so it did not finish. Start it again.';
export const INTERRUPTED_QUEUED = 'The app stopped before this job could start. Start it again.';

export interface JobHistoryOptions {
  /** The folder for jobs.json (the app data folder). */
  dir: string;
  maxJobs?: number;
  throttleMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

/** A job as it is kept: short log and steps, no live progress. */
export function trimForHistory(job: Job): Job {
  const log = job.log.length > KEPT_LOG_LINES ? [`… ${job.log.length - KEPT_LOG_LINES} earlier lines left out`, ...job.log.slice(-KEPT_LOG_LINES)] : [...job.log];
  return { ...job, log, steps: job.steps.slice(-KEPT_STEPS).map((s) => ({ ...s })), progress: job.progress ? { ...job.progress } : null };
}

export class JobHistory {
  readonly file: string;
  private readonly maxJobs: number;
  private readonly throttleMs: number;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private source: (() => Job[]) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastWrite = 0;

  constructor(options: JobHistoryOptions) {
    this.file = path.join(options.dir, HISTORY_FILE);
    this.maxJobs = options.maxJobs ?? DEFAULT_MAX_JOBS;
    this.throttleMs = options.throttleMs ?? 1_000;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((message) => console.warn(`[jobs] ${message}`));
  }

  /** The saved jobs, newest first; unfinished ones marked interrupted. A bad file is moved aside. */
  load(): Job[] {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`cannot read ${this.file}: ${String(error)}`);
      return [];
    }
    let jobs: unknown[];
    try {
      jobs = historyFileSchema.parse(JSON.parse(text)).jobs;
    } catch (error) {
      const aside = `${this.file}.corrupt-${this.now().toISOString().replace(/[:.]/g, '-')}`;
      try {
        fs.renameSync(this.file, aside);
      } catch {
        // Nothing more to do: the next save replaces it.
      }
      this.log(`${this.file} is not a job history (${error instanceof Error ? error.message : String(error)}); moved it to ${aside}.`);
      return [];
    }
    const stamp = this.now().toISOString();
    const loaded: Job[] = [];
    for (const raw of jobs) {
      const parsed = jobSchema.safeParse(raw);
      if (!parsed.success) continue; // one bad entry does not cost the others
      const job = parsed.data;
      loaded.push(isFinished(job.state) ? job : interrupt(job, stamp));
    }
    return newestFirst(loaded).slice(0, this.maxJobs);
  }

  /** Saves `jobs()` soon; calls within the throttle interval share one write. */
  schedule(jobs: () => Job[]): void {
    this.source = jobs;
    if (this.timer) return;
    const wait = Math.max(0, this.lastWrite + this.throttleMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writeNow();
    }, wait);
    this.timer.unref();
  }

  /** Writes a pending save at once (on shutdown). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writeNow();
  }

  private writeNow(): void {
    const source = this.source;
    if (!source) return;
    this.source = null;
    this.lastWrite = Date.now();
    const jobs = newestFirst(source()).slice(0, this.maxJobs).map(trimForHistory);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, `${JSON.stringify({ version: 1, jobs }, null, 1)}\n`);
    } catch (error) {
      this.log(`cannot save the job history to ${this.file}: ${String(error)}`);
    }
  }
}

function interrupt(job: Job, stamp: string): Job {
  const wasRunning = job.state === 'running';
  return {
    ...job,
    state: 'interrupted',
    endedAt: stamp,
    error: wasRunning ? INTERRUPTED_RUNNING : INTERRUPTED_QUEUED,
    steps: job.steps.map((s) => (s.endedAt === null ? { ...s, endedAt: stamp } : s)),
    log: [...job.log, wasRunning ? 'Interrupted: the app stopped while the job was running.' : 'Interrupted: the app stopped before the job started.'],
  };
}

export function newestFirst(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
