import type { Job } from '../../shared/jobs';
import type { AppServices } from '../services/app-services';
import { EXIT, type CliIo } from './cli-io';
import { jobViewFor } from './job-views';

/**
 * Follows a job the command started through the event bus to its end, showing its progress;
 * the first Ctrl-C cancels it. Then says how it ended: the exit status, and the final result
 * (a JSON line with --json, a sentence otherwise).
 */

export async function followJob(services: AppServices, started: Job, io: CliIo, json: boolean): Promise<Job> {
  const view = jobViewFor(io, json);
  const unsubscribe = services.bus.subscribe((event, payload) => {
    if (event === 'job.updated' && (payload as Job).id === started.id) view.update(payload as Job);
  });
  io.onInterrupt?.(() => {
    if (!json) io.err('\nCancelling…\n');
    void services.handlers['jobs.cancel']({ id: started.id }).catch(() => undefined);
  });
  try {
    const job = await services.jobs.whenDone(started.id);
    view.end(job);
    return job;
  } finally {
    io.onInterrupt?.(null);
    unsubscribe();
  }
}

function seconds(job: Job): string {
  const start = job.startedAt ? Date.parse(job.startedAt) : NaN;
  const end = job.endedAt ? Date.parse(job.endedAt) : NaN;
  return Number.isFinite(start) && Number.isFinite(end) ? ` in ${((end - start) / 1000).toFixed(1)} s` : '';
}

/** Prints how the job ended and returns the exit status: 0 succeeded, 1 anything else. */
export function reportJobEnd(io: CliIo, command: string, job: Job, options: { json: boolean; done: string; extra?: Record<string, unknown> }): number {
  const ok = job.state === 'succeeded';
  if (options.json) {
    const result = { event: 'result', ok, kind: job.kind, target: job.target, state: job.state, error: job.state === 'cancelled' ? 'cancelled' : job.error, errorKind: job.errorKind ?? null, startedAt: job.startedAt, endedAt: job.endedAt, ...options.extra };
    io.out(`${JSON.stringify(result)}\n`);
  } else if (ok) {
    io.out(`${options.done}${seconds(job)}.\n`);
  } else if (job.state === 'cancelled') {
    io.err(`modelwright ${command}: cancelled.\n`);
  } else {
    io.err(`modelwright ${command}: ${job.target} ${job.state === 'interrupted' ? 'was interrupted' : 'failed'}: ${job.error ?? 'no reason was given'}\n`);
  }
  return ok ? EXIT.ok : EXIT.failed;
}
