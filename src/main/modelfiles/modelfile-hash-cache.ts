import fs from 'node:fs';
import { sha256Hex } from './sha256';

/**
 * sha256 of Modelfiles, remembered per path until the file's mtime, size or inode changes, so a
 * sync over a thousand models reads only the files that changed since the last one.
 */
export class ModelfileHashCache {
  private readonly cache = new Map<string, { stamp: string; sha256: string }>();

  /** The file's sha256 (hex), or null when it cannot be read. */
  hashOf(file: string): string | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return null;
    }
    if (!stat.isFile()) return null;
    const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    const cached = this.cache.get(file);
    if (cached?.stamp === stamp) return cached.sha256;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return null;
    }
    const sha256 = sha256Hex(bytes);
    this.cache.set(file, { stamp, sha256 });
    return sha256;
  }

  /** Forget one file (after writing it, the mtime may not have moved within its resolution). */
  forget(file: string): void {
    this.cache.delete(file);
  }
}
