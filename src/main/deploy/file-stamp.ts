import fs from 'node:fs';
import { sameStamp, stampOf, type FileStamp } from '../registry/read-file';

/**
 * When a remembered result of reading a file (a Modelfile's create request, a weights file's
 * digest) still holds: the file's stamp (inode, size, mtime, ctime) is the same as when it was
 * read, and the file had settled before that read.
 *
 * Settled: its last change (mtime or ctime, whichever is later) is more than SETTLE_MS older
 * than the moment the read began. A file changed since then, or changed within the same clock
 * tick of a coarse file system (1 s on ext3 and HFS+, 2 s on FAT) so that an edit of the same
 * size leaves every stamp field as it was, is "racy" (as git calls it): its result is not
 * remembered, and the next plan reads the file again and so sees the edit by its content.
 * ctime catches tools that put mtime back (`touch -r`, `cp -p`, rsync -t): no program can set it.
 * A file server whose clock runs more than SETTLE_MS behind this machine's is not covered.
 */
export const SETTLE_MS = 2_000;

export type { FileStamp };

/** The file's stamp now; null when it cannot be stat'ed (missing, no permission). */
export function fileStamp(path: string): FileStamp | null {
  try {
    // A plain stat, done in place: a plan stats a thousand files, and a thread-pool round trip each costs more.
    const stat = fs.statSync(path, { throwIfNoEntry: false });
    return stat ? stampOf(stat) : null;
  } catch {
    return null;
  }
}

/** True when a result read from the file (the read began at `readAt`, epoch ms) may be reused while the stamp stays `stamp`. */
export function settledBefore(stamp: FileStamp, readAt: number): boolean {
  return Math.max(stamp.mtimeMs, stamp.ctimeMs) < readAt - SETTLE_MS;
}

/** Both missing, or both the same version of the file. */
export function sameFileStamp(a: FileStamp | null, b: FileStamp | null): boolean {
  return a === null || b === null ? a === b : sameStamp(a, b);
}
