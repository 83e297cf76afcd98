import fs from 'node:fs';

/**
 * Puts the fuzz's workspaces in memory when the machine has a RAM-backed folder (`/dev/shm` on
 * Linux; FUZZ_TMPDIR names another). Every accepted write still flushes its file and folder as in
 * production; on a RAM file system that costs nothing instead of a wait on a busy disk, which
 * over hundreds of thousands of cases was a large share of the run. Not a test file.
 */
export function useRamTempDir(): void {
  const dir = process.env.FUZZ_TMPDIR ?? '/dev/shm';
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return;
  }
  // os.tmpdir() reads TMPDIR at each call; this is the fuzz worker's own process.
  process.env.TMPDIR = dir;
}
