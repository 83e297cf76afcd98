import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { decodeModelfile } from '../../shared/modelfile';
import type { ModelfileDocument } from '../../shared/modelfile-files';
import { resolveModelfilePath } from '../workspace/paths';
import { writeFileAtomic } from './atomic-write';
import { sha256Hex } from './sha256';
import { fileErrorReason } from '../../shared/file-error-reason';

/**
 * Reading and saving Modelfiles of a workspace for the editor. Paths are relative to the
 * workspace and may not leave it. A save says which version it replaces (`expectedSha256`, the
 * sha256 the editor read): when the file on disk is no longer that version, nothing is written
 * and the caller gets a `conflict`. `null` means "a new file": refused when one exists.
 */

/** sha256 of the empty text: what the editor holds for a file that does not exist yet. */
export const EMPTY_SHA256 = sha256Hex('');

function readBytes(file: string, shown: string): Buffer | null {
  try {
    // A pipe or a device would block the read (and the server) forever, or never end.
    const stat = fs.statSync(file);
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new AppError('validation', `${shown} is not a regular file (a pipe, socket or device), so it cannot be a Modelfile`, [{ path: 'path', message: 'is not a regular file' }]);
    }
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new AppError('validation', `${shown} is a folder, not a Modelfile`, [{ path: 'path', message: 'is a folder' }]);
    throw new AppError('internal', `Cannot read ${shown}: ${fileErrorReason(error)}.`);
  }
}

/** `file`: where `relPath` leads, when the caller already checked it (the Modelfile calls do, see modelfile-access). */
export function readModelfileDocument(workspaceDir: string, relPath: string, file = resolveModelfilePath(workspaceDir, relPath)): ModelfileDocument {
  const bytes = readBytes(file, relPath);
  if (bytes === null) return { path: relPath, content: '', sha256: EMPTY_SHA256, exists: false };
  return { path: relPath, content: decodeModelfile(bytes), sha256: sha256Hex(bytes), exists: true };
}

export function writeModelfileDocument(
  workspaceDir: string,
  relPath: string,
  content: string,
  expectedSha256: string | null,
  file = resolveModelfilePath(workspaceDir, relPath),
): ModelfileDocument {
  const current = readBytes(file, relPath);
  if (current !== null) {
    const onDisk = sha256Hex(current);
    if (expectedSha256 === null) {
      throw new AppError('conflict', `${relPath} already exists; open it to edit it, or choose another name.`, [{ path: 'path', message: 'exists already' }]);
    }
    if (onDisk !== expectedSha256) {
      throw new AppError(
        'conflict',
        `${relPath} changed on disk since you opened it; it was not overwritten. Reload it (or copy your text aside first), then save again.`,
        [{ path: 'expectedSha256', message: 'does not match the file on disk' }],
      );
    }
  }
  // A file deleted since it was opened is written back: nothing on disk is lost by that.
  const bytes = Buffer.from(content, 'utf8');
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, bytes);
  } catch (error) {
    throw new AppError('internal', `Cannot save ${relPath}: ${fileErrorReason(error)}.`);
  }
  return { path: relPath, content, sha256: sha256Hex(bytes), exists: true };
}
