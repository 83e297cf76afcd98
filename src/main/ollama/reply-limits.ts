import { AppError } from '../../shared/errors';

/**
 * How much of one Ollama reply the app holds at once. Ollama's own lines are small (a progress
 * object, a few tokens, a Modelfile in /api/show); a line or a JSON body past this size is a broken
 * or hostile server, and reading on would only fill memory. Documented in the README.
 */
export const MAX_REPLY_LINE_BYTES = 16 * 1024 * 1024;
/** A whole non-streamed body (/api/tags with thousands of models stays far below it). */
export const MAX_REPLY_BODY_BYTES = 16 * 1024 * 1024;

const MIB = 1024 * 1024;

function size(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}

export function replyLineTooLongError(host: string, endpoint: string, limit = MAX_REPLY_LINE_BYTES): AppError {
  return new AppError(
    'ollama',
    `Ollama at ${host} sent a reply line over ${size(limit)} during ${endpoint}, so Modelwright stopped reading it. Ollama's replies are never that large: check that the host in Settings is really Ollama (not a proxy or another server), and restart Ollama.`,
  );
}

export function replyBodyTooLargeError(host: string, endpoint: string, limit = MAX_REPLY_BODY_BYTES): AppError {
  return new AppError(
    'ollama',
    `Ollama at ${host} sent a reply over ${size(limit)} to ${endpoint}, so Modelwright stopped reading it. Check that the host in Settings is really Ollama (not a proxy or another server), and restart Ollama.`,
  );
}

/**
 * A body stream that errors (with `onTooLarge()`'s error) once more than `limit` bytes came
 * through, so `response.json()`/`text()` never buffer more than that.
 */
export function cappedBody(body: ReadableStream<Uint8Array>, limit: number, onTooLarge: () => Error): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(onTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** The response with its body capped; status and headers kept. */
export function cappedResponse(response: Response, limit: number, onTooLarge: () => Error): Response {
  // A status that may not carry a body is passed through as is (Response refuses one there).
  if (response.body === null || [101, 204, 205, 304].includes(response.status)) return response;
  return new Response(cappedBody(response.body, limit, onTooLarge), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** An error body's text, at most `limit` bytes of it (the rest is dropped, not read). */
export async function readCappedText(response: Response, limit = 64 * 1024): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
