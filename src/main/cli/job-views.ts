import cliProgress from 'cli-progress';
import type { Job } from '../../shared/jobs';
import { transferFigures } from '../../shared/progress-format';
import type { CliIo } from './cli-io';

/**
 * How a create or pull shows its progress: a bar on a terminal (cli-progress, the figures of the
 * app's job panel), plain lines elsewhere (transfer figures at most once a second, so a CI log
 * stays readable), or newline-delimited JSON events with --json. Every view prints the job's log
 * (its steps and warnings) as it grows, but not the last line a finished job adds ("Failed: …"),
 * which the command says in its own words.
 */

export interface JobView {
  update(job: Job): void;
  end(job: Job): void;
}

/** New log lines of a job since the last call; a finished job's closing line is left out. */
function logTail(): (job: Job) => string[] {
  let printed = 0;
  return (job) => {
    const finished = job.state !== 'queued' && job.state !== 'running';
    const end = finished ? Math.max(0, job.log.length - 1) : job.log.length;
    // The log keeps only its newest lines: after a trim, carry on from its new end.
    if (printed > job.log.length) printed = job.log.length;
    const lines = job.log.slice(printed, end);
    printed = Math.max(printed, end);
    return lines;
  };
}

export function jsonView(io: CliIo): JobView {
  const tail = logTail();
  let last = '';
  const update = (job: Job) => {
    for (const message of tail(job)) io.out(`${JSON.stringify({ event: 'log', job: job.id, message })}\n`);
    const progress = job.progress;
    const line = JSON.stringify({ event: 'progress', job: job.id, state: job.state, ...(progress ?? { status: null }), waitingSeconds: job.waitingSeconds ?? null });
    if (line !== last) io.out(`${line}\n`);
    last = line;
  };
  return { update, end: update };
}

export function lineView(io: CliIo, now: () => number = Date.now): JobView {
  const tail = logTail();
  let lastAt = Number.NEGATIVE_INFINITY;
  let lastLine = '';
  let saidWaiting = 0;
  const figures = (job: Job, force: boolean) => {
    const progress = job.progress;
    const text = progress ? transferFigures(progress) : null;
    if (text === null || !progress) return;
    const line = `  ${progress.status}: ${text}`;
    if (line === lastLine || (!force && now() - lastAt < 1_000)) return;
    io.err(`${line}\n`);
    lastAt = now();
    lastLine = line;
  };
  return {
    update(job) {
      for (const line of tail(job)) io.err(`${line}\n`);
      // A silent Ollama is said once, then every 10 s of silence, not at every update.
      const waiting = Math.round(job.waitingSeconds ?? 0);
      if (waiting === 0) saidWaiting = 0;
      else if (saidWaiting === 0 || waiting >= saidWaiting + 10) {
        io.err(`  no answer from Ollama for ${waiting} s\n`);
        saidWaiting = waiting;
      }
      figures(job, false);
    },
    end(job) {
      for (const line of tail(job)) io.err(`${line}\n`);
    },
  };
}

/** A bar on the terminal; log lines are printed above it. */
export function barView(stream: NodeJS.WriteStream): JobView {
  const tail = logTail();
  // A MultiBar of one: it redraws by relative moves, where a SingleBar restores a saved cursor
  // position, which the lines printed above it would have scrolled away.
  const bars = new cliProgress.MultiBar(
    {
      stream,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
      barsize: 30,
      format: (options, params, payload: { status: string; figures: string | null; waiting: string }) =>
        payload.figures === null
          ? `${payload.status}${payload.waiting}`
          : `${payload.status} ${cliProgress.Format.BarFormat(params.progress, options)} ${payload.figures}${payload.waiting}`,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(1, 0, { status: 'starting', figures: null, waiting: '' });
  // The bar redraws its own line in place: a log line takes that line, and the bar the next.
  const print = (lines: string[]) => {
    if (lines.length > 0) stream.write(`\r\x1b[2K${lines.join('\n')}\n`);
  };
  return {
    update(job) {
      print(tail(job));
      const progress = job.progress;
      const waiting = job.waitingSeconds ? ` (no answer from Ollama for ${Math.round(job.waitingSeconds)} s)` : '';
      const payload = { status: progress?.status ?? job.state, figures: progress ? transferFigures(progress) : null, waiting };
      const total = progress?.total ?? 0;
      bar.setTotal(total > 0 ? total : 1);
      bar.update(total > 0 ? (progress?.completed ?? 0) : 0, payload);
    },
    end(job) {
      bars.stop();
      print(tail(job));
    },
  };
}

export function jobViewFor(io: CliIo, json: boolean): JobView {
  if (json) return jsonView(io);
  if (io.errIsTty && io.errStream) return barView(io.errStream);
  return lineView(io);
}
