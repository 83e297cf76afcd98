import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';

/** How far a long read has got, for a progress bar. */
export type BytesProgress = (bytes: number) => void;

/** Large reads: fewer, bigger chunks hash faster; memory stays at one chunk. */
export const FILE_CHUNK_BYTES = 1 << 20;

/**
 * The `sha256:<hex>` digest of a file, read as a stream so a weights file of many gigabytes
 * never sits in memory. Progress is reported per chunk; an abort stops the read at once.
 */
export async function sha256OfFile(path: string, options: { signal?: AbortSignal; onProgress?: BytesProgress } = {}): Promise<string> {
  const hash = createHash('sha256');
  const stream = createReadStream(path, { highWaterMark: FILE_CHUNK_BYTES, ...(options.signal ? { signal: options.signal } : {}) });
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      options.onProgress?.(bytes);
    }
  } catch (error) {
    if (options.signal?.aborted) throw new AppError('cancelled', `Cancelled while hashing ${path}`);
    throw new AppError('validation', `Cannot read ${path}: ${fileErrorReason(error)}.`);
  }
  return `sha256:${hash.digest('hex')}`;
}
