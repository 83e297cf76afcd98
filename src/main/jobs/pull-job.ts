import { humanBytes } from '../../shared/human-bytes';
import { DEFAULT_OLLAMA_TIMEOUTS, stallOptionsOf, type OllamaTimeouts } from '../ollama/ollama-link';
import type { ProgressLine } from '../ollama/progress-line';
import { streamPull } from '../ollama/pull-stream';
import type { JobRunner } from './job-manager';
import { pullFailure } from './pull-errors';

/**
 * A model pulled from its registry as a job, with Ollama's per-layer progress. Cancelling aborts
 * the download; Ollama keeps what it has, so pulling again resumes where it stopped. The log says
 * so when it does: a layer whose first line already has bytes was resumed.
 */
export interface PullJobDeps {
  host: string;
  onSettled?: () => void;
  fetch?: typeof fetch;
  timeouts?: OllamaTimeouts;
}

export function pullJobRunner(deps: PullJobDeps, model: string): JobRunner {
  return async (ctx) => {
    const seen = new Set<string>();
    const options = {
      signal: ctx.signal,
      stall: stallOptionsOf(deps.timeouts ?? DEFAULT_OLLAMA_TIMEOUTS, ctx.waiting),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    };
    try {
      for await (const line of streamPull(deps.host, model, options)) {
        ctx.report(line);
        if (line.digest !== undefined && !seen.has(line.digest)) {
          seen.add(line.digest);
          const resumed = resumedFrom(line);
          if (resumed) ctx.log(resumed);
        }
      }
    } catch (error) {
      throw pullFailure(error, model);
    } finally {
      deps.onSettled?.();
    }
  };
}

/** "Resuming pulling 6a0746a1ec1a: 4.6 GB of 18 GB were already downloaded." for a layer's first line with bytes. */
export function resumedFrom(line: ProgressLine): string | null {
  const { completed, total } = line;
  if (completed === undefined || total === undefined || completed <= 0 || completed >= total) return null;
  return `Resuming ${line.status}: ${humanBytes(completed)} of ${humanBytes(total)} were already downloaded.`;
}
