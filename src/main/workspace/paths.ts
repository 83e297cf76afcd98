import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { isInside, nearestExisting, realpathOrNull } from './real-paths';

/** A workspace is a folder: the registry file plus `models/` with the Modelfiles. */
export const REGISTRY_FILE = 'model_settings.json';
export const MODELFILES_DIR = 'models';
const MAX_PATH_CHARS = 1024;
const MAX_NAME_BYTES = 255;

export function registryPath(workspaceDir: string): string {
  return path.join(path.resolve(workspaceDir), REGISTRY_FILE);
}

export function workspaceInfo(workspaceDir: string): WorkspaceInfo {
  const dir = path.resolve(workspaceDir);
  return { path: dir, name: path.basename(dir) || dir, registryPath: registryPath(dir) };
}

/**
 * The absolute path of a registry `modelfile` value. Relative values resolve against the
 * workspace; nothing may lead outside it, neither `..`, an absolute path elsewhere, nor a symlink
 * (checked on the file, or on its nearest existing parent when it does not exist yet).
 */
export function resolveModelfilePath(workspaceDir: string, modelfile: string): string {
  const refuse = (why: string): never => {
    throw new AppError('validation', `Modelfile path "${modelfile}" ${why}`, [{ path: 'modelfile', message: why }]);
  };
  if (modelfile.trim() === '') refuse('is empty');
  if (modelfile.includes('\0')) refuse('contains a NUL character');
  // The file system would refuse it (ENAMETOOLONG) deep inside a read or write; say so here.
  if (modelfile.length > MAX_PATH_CHARS) refuse(`is longer than ${MAX_PATH_CHARS} characters`);
  if (modelfile.split(/[\\/]/).some((part) => Buffer.byteLength(part) > MAX_NAME_BYTES)) refuse(`has a file or folder name longer than ${MAX_NAME_BYTES} bytes`);

  const root = path.resolve(workspaceDir);
  const target = path.resolve(root, modelfile);
  if (!isInside(root, target)) {
    refuse(`leads outside the workspace ${root}; use a path inside it, such as "${MODELFILES_DIR}/Modelfile.name"`);
  }

  const realRoot = realpathOrNull(root) ?? root;
  const existing = nearestExisting(target);
  const realExisting = existing === null ? null : realpathOrNull(existing);
  if (realExisting !== null && !isInside(realRoot, realExisting)) {
    refuse(`leads outside the workspace through a symbolic link (to ${realExisting})`);
  }
  const own = appFileOf(root, realRoot, target, existing === target ? realExisting : null);
  if (own !== null) refuse(`is ${own}, not a Modelfile; it can never be read, written or deleted as one. Use a Modelfile path such as "${MODELFILES_DIR}/Modelfile.name"`);
  return target;
}

/**
 * The registry file itself, its invalid copies (`model_settings.json.invalid-…`), its lock and
 * temporary files: at the workspace root, in any letter case (case-insensitive disks), or the
 * same file under another name (a hard or symbolic link). Says which, or null.
 */
function appFileOf(root: string, realRoot: string, target: string, realTarget: string | null): string | null {
  for (const [dir, file] of [[root, target], [realRoot, realTarget]] as const) {
    if (file === null || path.dirname(file) !== dir) continue;
    const name = path.basename(file).toLowerCase();
    const registry = REGISTRY_FILE.toLowerCase();
    if (name === registry) return `the registry file ${REGISTRY_FILE}`;
    if (name.startsWith(`${registry}.`) || name.startsWith(`.${registry}`)) return `one of the registry's own files (a backup, lock or temporary copy of ${REGISTRY_FILE})`;
  }
  if (realTarget !== null && sameFile(realTarget, path.join(root, REGISTRY_FILE))) return `the registry file ${REGISTRY_FILE} under another name`;
  return null;
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}



