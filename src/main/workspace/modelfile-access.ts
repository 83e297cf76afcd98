import { fileErrorReason } from '../../shared/file-error-reason';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ModelEntry } from '../../shared/registry';
import { MODELFILES_DIR, resolveModelfilePath } from './paths';

/**
 * What the Modelfile calls (read, save, delete with a model) may touch: a regular file inside the
 * workspace that a registry entry names, or a file under `models/` (a new one, for a save). Never
 * the registry or its own files (resolveModelfilePath refuses those), never the app's data folder
 * (conversations, settings, job history) should it lie inside the workspace, never a folder, a
 * pipe or a device (reading a pipe would block the server).
 */

export type ModelfileIntent = 'read' | 'write' | 'delete';

export interface ModelfileAccess {
  workspaceDir: string;
  /** The registry's entries: the files they name may be touched. */
  models: Readonly<Record<string, Pick<ModelEntry, 'modelfile'>>>;
  /** The app's own data (conversations, settings, jobs); null when it is not known. */
  appDataDir?: string | null;
}

function refuse(rel: string, why: string, fix: string, field: string): never {
  throw new AppError('validation', `Modelfile path "${rel}" ${why}; ${fix}`, [{ path: field, message: why }]);
}

/** resolveModelfilePath's refusal, told against the caller's own field. */
function resolveFor(workspaceDir: string, rel: string, field: string): string {
  try {
    return resolveModelfilePath(workspaceDir, rel);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'validation') throw new AppError(error.kind, error.message, error.issues?.map((issue) => ({ ...issue, path: field })));
    throw error;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function namedByRegistry(access: ModelfileAccess, target: string): boolean {
  for (const entry of Object.values(access.models)) {
    if (!entry.modelfile) continue;
    if (path.resolve(access.workspaceDir, entry.modelfile) === target) return true;
  }
  return false;
}

/** The absolute path `rel` stands for, when `intent` is allowed on it; else a clear refusal. */
export function modelfileTarget(access: ModelfileAccess, rel: string, intent: ModelfileIntent, field = 'path'): string {
  const target = resolveFor(access.workspaceDir, rel, field);
  if (access.appDataDir && isInside(path.resolve(access.appDataDir), target)) {
    refuse(rel, "is inside Modelwright's own data folder (conversations, settings)", 'use a Modelfile path in the workspace such as "models/Modelfile.name"', field);
  }

  let stat: fs.Stats | null;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new AppError('internal', `Cannot look at ${rel}: ${fileErrorReason(error)}. Check the file's permissions and try again.`);
    stat = null;
  }
  if (stat?.isDirectory()) refuse(rel, 'is a folder, not a Modelfile', 'give the path of the Modelfile inside it', field);
  if (stat && !stat.isFile()) refuse(rel, 'is not a regular file (a pipe, socket or device)', 'give the path of a Modelfile', field);

  if (namedByRegistry(access, target)) return target;
  const underModels = isInside(path.resolve(access.workspaceDir, MODELFILES_DIR), target) && path.resolve(access.workspaceDir, MODELFILES_DIR) !== target;
  if (intent === 'read' && underModels) return target;
  if (intent === 'write' && underModels && stat === null) return target;
  refuse(
    rel,
    intent === 'write' && underModels ? 'is a file no registry model uses' : 'is not the Modelfile of any registry model',
    `Modelfiles are edited through their model; a new one goes under "${MODELFILES_DIR}/"`,
    field,
  );
}
