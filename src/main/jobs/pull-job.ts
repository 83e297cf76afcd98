import { streamPull } from '../ollama/pull-stream';
import type { JobRunner } from './job-manager';

/**
 * A model pulled from its registry as a job, with Ollama's per-layer progress. Cancelling aborts
 * the download; Ollama keeps what it has, so pulling again resumes where it stopped.
 */
export function pullJobRunner(deps: { host: string; onSettled?: () => void; fetch?: typeof fetch }, model: string): JobRunner {
  return async (ctx) => {
    try {
      for await (const line of streamPull(deps.host, model, { signal: ctx.signal, ...(deps.fetch ? { fetch: deps.fetch } : {}) })) ctx.report(line);
    } finally {
      deps.onSettled?.();
    }
  };
}
