import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;

function isJsonMediaType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || media.endsWith('+json');
}

/**
 * Event-based rather than `for await`: leaving an async iterator early destroys the socket, and a
 * reset socket can swallow the 413 we are about to send. Past the limit the rest is discarded.
 */
function collect(req: IncomingMessage, limit: number, tooLarge: HttpError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      reject(tooLarge);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * Reads a JSON request body of at most `limit` bytes; `undefined` when the body is empty.
 *
 * Content type: `application/json` (or `*+json`) is parsed as JSON. Any other or no content type
 * is tolerated only when the body looks like JSON (starts with `{` or `[`), because `curl -d`
 * sends `application/x-www-form-urlencoded` by default; anything else is 415. This leniency opens
 * nothing to other sites: every body-reading route needs the bearer token, which a cross-site
 * form cannot send, and foreign `Origin`s are refused first.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const tooLarge = new HttpError(413, `Request body is larger than the limit of ${limit} bytes (1 MiB)`);
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    req.resume();
    throw new HttpError(415, `Content-Encoding "${encoding}" is not supported; send the JSON uncompressed`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    // Drain instead of resetting the socket so the client still reads our answer.
    req.resume();
    throw tooLarge;
  }

  const bytes = await collect(req, limit, tooLarge);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'Request body is not valid UTF-8');
  }
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!isJsonMediaType(req.headers['content-type']) && !/^[[{]/.test(trimmed)) {
    throw new HttpError(415, 'Request body must be JSON (Content-Type: application/json)');
  }
  try {
    return JSON.parse(trimmed) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, `Request body is not valid JSON: ${reason}`);
  }
}
