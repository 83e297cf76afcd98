import fs from 'node:fs';
import { sha256OfFile, type BytesProgress } from '../ollama/file-sha256';

/**
 * Digests of local weight and adapter files, remembered until a file's mtime, size or inode
 * changes: a plan names each version by the hash of its create request, which holds these
 * digests, and re-hashing gigabytes of weights for every plan would make planning slow.
 */
export class WeightHashes {
  private readonly cache = new Map<string, { stamp: string; digest: string }>();

  /** `sha256:<hex>` of the file (streamed); throws a validation AppError when it cannot be read. */
  async digestOf(path: string, options: { signal?: AbortSignal; onProgress?: BytesProgress } = {}): Promise<string> {
    const stamp = stampOf(path);
    const cached = this.cache.get(path);
    if (stamp !== null && cached?.stamp === stamp) return cached.digest;
    const digest = await sha256OfFile(path, options);
    if (stamp !== null) this.cache.set(path, { stamp, digest });
    return digest;
  }
}

/**
 * What tells a changed file: mtime, size and inode; null when it cannot be read. A plain stat,
 * done in place: a plan stats a thousand files, and a thread-pool round trip each costs more.
 */
export function stampOf(path: string): string | null {
  try {
    const stat = fs.statSync(path);
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch {
    return null;
  }
}
