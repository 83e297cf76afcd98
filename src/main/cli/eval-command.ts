import { AppError } from '../../shared/errors';
import { newestRegression } from '../../shared/eval/run-verdict';
import type { Job } from '../../shared/jobs';
import type { Registry } from '../../shared/registry';
import { familyOf, parseVersionedName } from '../../shared/versions';
import { readRun, runFilePath } from '../evals/run-store';
import type { CliIo } from './cli-io';
import { withServices } from './command-services';
import { EVAL_EXIT } from './eval-exit';
import type { EvalCommandOptions } from './eval-args';
import { runJson, runTable } from './eval-report';

/**
 * `modelwright eval`: builds the app's services in this process (as `serve` does), runs the set as
 * the app would, and prints. Its exit statuses predate the other commands' and are kept for the CI
 * jobs that read them: 1 is a regression, and anything that stops a run is 2.
 */

/** The family's registered versions, oldest first. */
function versionsOf(registry: Registry | null, family: string): string[] {
  const key = familyOf(family);
  return Object.keys(registry?.models ?? {})
    .map((name) => ({ name, parsed: parseVersionedName(name) }))
    .filter(({ name, parsed }) => parsed.version !== null && familyOf(name) === key)
    .sort((a, b) => (a.parsed.version ?? 0) - (b.parsed.version ?? 0))
    .map(({ name }) => name);
}

function chooseModels(options: EvalCommandOptions, registry: Registry | null): string[] {
  if (options.models) return options.models;
  const versions = versionsOf(registry, options.family);
  if (!options.versions) {
    if (versions.length === 0) throw new AppError('validation', `The registry has no versions of "${options.family}" (models named ${options.family}-v1, -v2, …). Check the family's name, or give --models.`);
    return versions.slice(-2);
  }
  return options.versions.map((given) => {
    const number = /^v?(\d+)$/i.exec(given)?.[1];
    if (number === undefined) return given;
    const found = versions.find((name) => parseVersionedName(name).version === Number(number));
    if (!found) throw new AppError('validation', `"${options.family}" has no version ${given} in the registry (it has ${versions.join(', ') || 'none'}).`);
    return found;
  });
}

function progressReporter(io: CliIo, jobId: string): (event: string, payload: unknown) => void {
  // Updates are coalesced: a step (one per model) may begin and end between two of them.
  let printedSteps = 0;
  return (event, payload) => {
    if (event !== 'job.updated') return;
    const job = payload as Job;
    if (job.id !== jobId) return;
    if (io.errIsTty) {
      const progress = job.progress;
      if (progress && job.state === 'running') io.err(`\r\x1b[2K${progress.status} · ${progress.completed ?? 0}/${progress.total ?? 0} done`);
      if (job.state !== 'running' && job.state !== 'queued') io.err('\r\x1b[2K');
      return;
    }
    for (const step of job.steps.slice(printedSteps)) io.err(`${step.status}\n`);
    printedSteps = job.steps.length;
  };
}

export async function runEvalCommand(options: EvalCommandOptions, io: CliIo, cwd = process.cwd()): Promise<number> {
  const target = { workspace: options.workspace, host: options.ollamaHost, dataDir: options.dataDir };
  return withServices(target, io, cwd, async (services) => {
    const session = services.session();
    const models = chooseModels(options, session.store.get().registry);
    const started = await services.handlers['evals.start']({ family: options.family, models, ...(options.judge === undefined ? {} : { judge: options.judge }) });
    const unsubscribe = services.bus.subscribe(progressReporter(io, started.jobId));
    io.onInterrupt?.(() => {
      io.err('\nCancelling; the finished cases are kept…\n');
      void services.jobs.cancel(started.jobId);
    });
    const job = await services.jobs.whenDone(started.jobId);
    io.onInterrupt?.(null);
    unsubscribe();
    if (io.errIsTty) io.err('\r\x1b[2K');

    const run = readRun(session.dir, options.family, started.runId);
    const file = runFilePath(options.family, started.runId);
    io.out(options.json ? runJson(run, file) : runTable(run, file));
    if (job.state !== 'succeeded') {
      io.err(`modelwright eval: the run ${job.state === 'cancelled' ? 'was cancelled' : `failed: ${job.error ?? 'unknown error'}`}; what finished is saved in ${file}\n`);
      return EVAL_EXIT.error;
    }
    return newestRegression(run) ? EVAL_EXIT.regression : EVAL_EXIT.ok;
  });
}
