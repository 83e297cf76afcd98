import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { resolveModelfilePath } from '../workspace/paths';
import { fileErrorReason } from '../../shared/file-error-reason';

/**
 * New Modelfiles for new versions and adopted models: a free name beside the proposed one
 * (`Modelfile.x-v3`, then `Modelfile.x-v3-2`, …) that neither a file nor a registry entry uses,
 * written whole (temporary file, then a hard link that fails if the name was taken meanwhile), so
 * an existing file is never overwritten and a crash never leaves half a file.
 */

const MAX_TRIES = 100;

function candidates(preferred: string): string[] {
  return Array.from({ length: MAX_TRIES }, (_, i) => (i === 0 ? preferred : `${preferred}-${i + 1}`));
}

function normalize(rel: string): string {
  return rel.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** The first free path for `preferred` (relative to the workspace), without writing anything. */
export function freeModelfilePath(workspaceDir: string, preferred: string, reserved: Iterable<string>): string {
  const taken = new Set([...reserved].map(normalize));
  for (const rel of candidates(preferred)) {
    if (!taken.has(normalize(rel)) && !fs.existsSync(resolveModelfilePath(workspaceDir, rel))) return rel;
  }
  throw new AppError('conflict', `There are already ${MAX_TRIES} files named like ${preferred}; choose another name.`);
}

/** True when written; false when something is already at `file`. */
function writeExclusive(file: string, content: string): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o644 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (FAT, some network shares): an exclusive create instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      try {
        fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
        return true;
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw inner;
      }
    }
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Writes `content` at the first free path for `preferred`; returns the relative path used. */
export function writeNewModelfile(workspaceDir: string, preferred: string, content: string, reserved: Iterable<string>): string {
  const taken = new Set([...reserved].map(normalize));
  for (const rel of candidates(preferred)) {
    if (taken.has(normalize(rel))) continue;
    const file = resolveModelfilePath(workspaceDir, rel);
    try {
      if (writeExclusive(file, content)) return rel;
    } catch (error) {
      throw new AppError('internal', `Cannot write ${rel}: ${fileErrorReason(error)}.`);
    }
  }
  throw new AppError('conflict', `There are already ${MAX_TRIES} files named like ${preferred}; choose another name.`);
}

/** Takes back a file this operation wrote, when the registry change after it failed. */
export function removeWrittenModelfile(workspaceDir: string, rel: string): void {
  try {
    fs.rmSync(resolveModelfilePath(workspaceDir, rel), { force: true });
  } catch {
    // Left behind: an unused file is harmless, and the registry error is what the user must see.
  }
}

/** Modelfile paths the registry names, so a new file does not take a name an entry already points at. */
export function registryModelfiles(models: Readonly<Record<string, { modelfile: string }>>): string[] {
  return Object.values(models)
    .map((m) => m.modelfile)
    .filter((m) => m !== '');
}
