import type { CreateRequest } from '../../shared/modelfile';
import { unexpectedReplyError } from './errors';
import type { ProgressLine } from './progress-line';
import { postProgressStream, type JsonText, type StreamOptions } from './stream-request';

/**
 * `POST /api/create`, streamed to its very end. The npm client stops at the first
 * `{"status":"success"}`, but when `from` has to be pulled first the pull's own success comes in
 * the middle of the create stream: only the end of the stream says the create is done, and only
 * if its last line was `success`.
 */
/** `request` as its canonical text (JsonText) sends exactly those bytes. */
export async function* streamCreate(host: string, request: CreateRequest | JsonText, options: StreamOptions = {}): AsyncGenerator<ProgressLine> {
  let last: ProgressLine | null = null;
  for await (const line of postProgressStream(host, '/api/create', request, options)) {
    last = line;
    yield line;
  }
  if (last?.status !== 'success') {
    throw unexpectedReplyError('/api/create', `the stream ended without "success" (last status: ${last ? JSON.stringify(last.status) : 'none'})`);
  }
}
