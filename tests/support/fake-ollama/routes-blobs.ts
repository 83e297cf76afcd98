import { createHash } from 'node:crypto';
import type { Exchange } from './exchange';
import { sendEmpty, sendError } from './http-io';

/**
 * HEAD and POST /api/blobs/:digest (HeadBlobHandler, CreateBlobHandler). Digests must match
 * manifest.BlobsPath's `^sha256[:-][0-9a-fA-F]{64}$`. An upload is hashed as it streams in; a
 * mismatch is still stored under its real digest (NewLayer renames before the check), then 400.
 */

const DIGEST = /^sha256[:-][0-9a-fA-F]{64}$/;
const HEAD_BYTES = 16;

export function handleHeadBlob(ex: Exchange, digest: string): void {
  if (!DIGEST.test(digest)) return sendError(ex.res, 400, 'invalid digest format');
  if (!ex.ctx.store.blob(digest)) return sendError(ex.res, 404, `blob ${JSON.stringify(digest)} not found`);
  sendEmpty(ex.res, 200);
}

export async function handleCreateBlob(ex: Exchange, digest: string): Promise<void> {
  if (!DIGEST.test(digest)) {
    ex.req.resume();
    return sendError(ex.res, 400, 'invalid digest format');
  }
  // Ollama answers 200 without reading the body when the blob is already there.
  if (ex.ctx.store.blob(digest)) {
    ex.req.resume();
    return sendEmpty(ex.res, 200);
  }
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of ex.req) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, bytes.subarray(0, HEAD_BYTES - head.length)]);
    }
  } catch {
    return; // the client went away mid-upload: nothing is stored
  }
  ex.record.bytes = size;
  const actual = `sha256:${hash.digest('hex')}`;
  ex.ctx.store.addBlob(actual, { size, head });
  if (actual !== digest) {
    return sendError(ex.res, 400, `digest mismatch, expected ${JSON.stringify(digest)}, got ${JSON.stringify(actual)}`);
  }
  sendEmpty(ex.res, 201);
}
