import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isInside, nearestExisting, realpathOrNull } from '../workspace/real-paths';
import { EVALS_DIR } from '../../shared/eval/prompt-set';
import { fileErrorReason } from '../../shared/file-error-reason';

/**
 * Where evaluation files may be read and written: inside the workspace's `evals/` folder only.
 * The names come from familySlug and run ids (safe by construction); this also refuses an
 * `evals/` (or a folder under it) that is a symbolic link leading out of the workspace, so a
 * cloned repository cannot make the app write elsewhere.
 */




/** The absolute path of `rel` (workspace-relative, under `evals/`), checked to stay inside. */
export function evalsPath(workspaceDir: string, rel: string): string {
  const root = path.resolve(workspaceDir);
  const target = path.resolve(root, rel);
  if (!isInside(path.join(root, EVALS_DIR), target)) {
    throw new AppError('validation', `"${rel}" is not inside the workspace's ${EVALS_DIR}/ folder; evaluation files live there.`);
  }
  return confined(root, rel, target);
}

/** The workspace's `evals/` folder itself (it may not exist yet). */
export function evalsDir(workspaceDir: string): string {
  return evalsPath(workspaceDir, EVALS_DIR);
}

function confined(root: string, rel: string, target: string): string {
  const realRoot = realpathOrNull(root) ?? root;
  const existing = nearestExisting(target);
  const real = existing === null ? null : realpathOrNull(existing);
  if (real !== null && !isInside(realRoot, real)) {
    throw new AppError('validation', `${rel} leads outside the workspace through a symbolic link (to ${real}); make ${EVALS_DIR}/ a plain folder in the workspace.`);
  }
  return target;
}

/** Creates the folder of `file` (inside evals/), checked again once it exists. */
export function ensureFolderOf(workspaceDir: string, file: string): void {
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError('internal', `Cannot create the folder ${dir}: ${fileErrorReason(error)}. Check the workspace's permissions.`);
  }
  evalsPath(workspaceDir, path.relative(path.resolve(workspaceDir), file));
}

/** The text of a regular file, or null when there is none; refuses folders, pipes and devices. */
export function readTextOrNull(file: string, rel: string, maxBytes: number): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('internal', `Cannot read ${rel}: ${fileErrorReason(error)}.`);
  }
  if (!stat.isFile()) throw new AppError('validation', `${rel} is not a regular file; move it away so the app can use that name.`);
  if (stat.size > maxBytes) throw new AppError('validation', `${rel} is larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; the app does not read files that large.`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('internal', `Cannot read ${rel}: ${fileErrorReason(error)}.`);
  }
}
