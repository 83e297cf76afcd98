import type { Job, JobProgress, JobStep } from '../../shared/jobs';
import type { ProgressLine } from '../ollama/progress-line';
import { TransferRate } from './transfer-rate';

/**
 * Turns the status lines of a job (Ollama's, and the app's own for hashing and uploading) into
 * the job's steps and current progress. A line with a digest or a total is a transfer: one step
 * per status and digest, updated in place, with percent, speed over a sliding window and time
 * left. Any other line is a step of its own; it ends every step still open before it. Runs for
 * each of possibly tens of thousands of lines, so it does no more than a few map lookups.
 */

/** Steps kept per job; a stream with more distinct steps drops its oldest. */
export const MAX_STEPS = 200;
/** Log lines kept per job while it runs. */
export const MAX_LOG_LINES = 500;

function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

export class JobProgressTracker {
  private readonly byKey = new Map<string, JobStep>();
  private readonly keyOf = new WeakMap<JobStep, string>();
  private readonly rates = new Map<string, TransferRate>();
  private open: JobStep[] = [];
  private droppedLogLines = 0;

  constructor(
    private readonly job: Job,
    private readonly now: () => number,
  ) {}

  apply(line: ProgressLine): void {
    const at = this.now();
    const transfer = line.digest !== undefined || line.total !== undefined;
    if (transfer) this.applyTransfer(line, at);
    else this.applyStep(line.status, at);
  }

  /** Adds a line to the job's log, keeping the newest lines. */
  log(message: string): void {
    const log = this.job.log;
    log.push(message);
    if (log.length > MAX_LOG_LINES) {
      const drop = log.length - MAX_LOG_LINES + 1;
      this.droppedLogLines += drop;
      log.splice(0, drop, `… ${this.droppedLogLines} earlier lines left out`);
    }
  }

  /** Ends every open step (the job is over). */
  closeAll(): void {
    const stamp = isoAt(this.now());
    for (const step of this.open) step.endedAt ??= stamp;
    this.open = [];
  }

  private applyStep(status: string, at: number): void {
    const last = this.job.steps[this.job.steps.length - 1];
    if (last && last.status === status && last.digest === null && last.total === null) {
      this.job.progress = progressOf(status, null, null, null, null);
      return;
    }
    this.closeAll();
    const step: JobStep = { status, digest: null, total: null, completed: null, startedAt: isoAt(at), endedAt: null };
    this.push(step, null);
    this.job.progress = progressOf(status, null, null, null, null);
  }

  private applyTransfer(line: ProgressLine, at: number): void {
    const digest = line.digest ?? null;
    const key = `${line.status}\u0000${digest ?? ''}`;
    const total = line.total ?? null;
    // Ollama leaves `completed` out while it is zero.
    const completed = line.completed ?? (total !== null ? 0 : null);
    let step = this.byKey.get(key);
    if (!step) {
      step = { status: line.status, digest, total, completed, startedAt: isoAt(at), endedAt: null };
      this.push(step, key);
      this.log(digest ? `${line.status} (${digest})` : line.status);
    } else {
      step.total = total;
      step.completed = completed;
      if (step.endedAt !== null && (total === null || (completed ?? 0) < total)) {
        step.endedAt = null;
        this.open.push(step);
      }
    }
    let rate = this.rates.get(key);
    if (!rate) {
      rate = new TransferRate();
      this.rates.set(key, rate);
    }
    if (completed !== null) rate.add(at, completed);
    if (total !== null && completed !== null && completed >= total && step.endedAt === null) {
      step.endedAt = isoAt(at);
      this.open = this.open.filter((s) => s !== step);
    }
    this.job.progress = progressOf(line.status, digest, total, completed, rate.bytesPerSecond());
  }

  private push(step: JobStep, key: string | null): void {
    const steps = this.job.steps;
    steps.push(step);
    if (step.endedAt === null) this.open.push(step);
    if (key !== null) {
      this.byKey.set(key, step);
      this.keyOf.set(step, key);
    } else {
      this.log(step.status);
    }
    if (steps.length > MAX_STEPS) {
      const [dropped] = steps.splice(0, 1);
      if (dropped) {
        const droppedKey = this.keyOf.get(dropped);
        if (droppedKey !== undefined) {
          this.byKey.delete(droppedKey);
          this.rates.delete(droppedKey);
        }
        this.open = this.open.filter((s) => s !== dropped);
      }
    }
  }
}

export function progressOf(status: string, digest: string | null, total: number | null, completed: number | null, bytesPerSecond: number | null): JobProgress {
  const percent = total !== null && total > 0 && completed !== null ? Math.min(100, Math.round((completed / total) * 1000) / 10) : null;
  const speed = bytesPerSecond !== null && bytesPerSecond > 0 ? Math.round(bytesPerSecond) : null;
  const left = total !== null && completed !== null ? Math.max(0, total - completed) : null;
  const etaSeconds = speed !== null && left !== null ? Math.round((left / speed) * 10) / 10 : null;
  return { status, digest, total, completed, percent, bytesPerSecond: speed, etaSeconds };
}
