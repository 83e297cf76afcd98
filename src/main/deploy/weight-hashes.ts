import { sha256OfFile, type BytesProgress } from '../ollama/file-sha256';
import { fileStamp, sameFileStamp, settledBefore, type FileStamp } from './file-stamp';

/**
 * Digests of local weight and adapter files, remembered while a file's stamp (inode, size,
 * mtime, ctime) stays as it was and the file had settled before it was hashed (see
 * file-stamp.ts): a plan names each version by the hash of its create request, which holds
 * these digests, and re-hashing gigabytes of weights for every plan would make planning slow.
 */
export class WeightHashes {
  private readonly cache = new Map<string, { stamp: FileStamp; digest: string }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** `sha256:<hex>` of the file (streamed); throws a validation AppError when it cannot be read. */
  async digestOf(path: string, options: { signal?: AbortSignal; onProgress?: BytesProgress } = {}): Promise<string> {
    const readAt = this.now();
    const stamp = fileStamp(path);
    const cached = this.cache.get(path);
    if (stamp !== null && cached && sameFileStamp(cached.stamp, stamp)) return cached.digest;
    const digest = await sha256OfFile(path, options);
    if (stamp !== null && settledBefore(stamp, readAt)) this.cache.set(path, { stamp, digest });
    else this.cache.delete(path);
    return digest;
  }
}
