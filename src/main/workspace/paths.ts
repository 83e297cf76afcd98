import fs from 'node:fs';
import path from 'node:path';
import type { WorkspaceInfo } from '../../shared/contract';
import { AppError } from '../../shared/errors';

/** A workspace is a folder: the registry file plus `models/` with the Modelfiles. */
export const REGISTRY_FILE = 'model_settings.json';
export const MODELFILES_DIR = 'models';

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
  return target;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realpathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/** The path itself if it exists, else its closest existing ancestor. */
function nearestExisting(p: string): string | null {
  for (let current = p; ; current = path.dirname(current)) {
    if (fs.existsSync(current)) return current;
    if (path.dirname(current) === current) return null;
  }
}
