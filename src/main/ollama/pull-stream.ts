import { unexpectedReplyError } from './errors';
import type { ProgressLine } from './progress-line';
import { postProgressStream, type StreamOptions } from './stream-request';

/**
 * `POST /api/pull`, streamed to its end. Nothing to do for resuming: Ollama keeps the partial
 * download and continues it on the next pull of the same model, reporting the bytes it already
 * has in the first progress line of each layer.
 */
export async function* streamPull(host: string, model: string, options: StreamOptions & { insecure?: boolean } = {}): AsyncGenerator<ProgressLine> {
  const body = options.insecure ? { model, insecure: true } : { model };
  let last: ProgressLine | null = null;
  for await (const line of postProgressStream(host, '/api/pull', body, options)) {
    last = line;
    yield line;
  }
  if (last?.status !== 'success') {
    throw unexpectedReplyError('/api/pull', `the stream ended without "success" (last status: ${last ? JSON.stringify(last.status) : 'none'})`);
  }
}
