import fs from 'node:fs';
import path from 'node:path';

/**
 * Keeps a copy of an invalid registry file before anything else happens, as
 * `<file>.invalid-<time>`. One copy per distinct content: if a copy with the same text exists
 * (from this run or an earlier one), its path is returned instead of writing another.
 */
export function backupInvalidFile(filePath: string, text: string, now: Date): string {
  const dir = path.dirname(filePath);
  const prefix = `${path.basename(filePath)}.invalid-`;
  for (const name of safeReaddir(dir)) {
    if (!name.startsWith(prefix)) continue;
    const candidate = path.join(dir, name);
    if (readOrNull(candidate) === text) return candidate;
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n++) {
    const candidate = path.join(dir, `${prefix}${stamp}${n === 0 ? '' : `-${n}`}`);
    try {
      // 'wx': never replace an existing copy.
      fs.writeFileSync(candidate, text, { flag: 'wx' });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
