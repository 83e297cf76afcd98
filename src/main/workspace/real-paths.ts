import fs from 'node:fs';
import path from 'node:path';

/**
 * The pieces of path confinement that the workspace's Modelfile paths and the evals folder share:
 * one copy, since a slip here lets a cloned repository reach outside the workspace.
 */

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function realpathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/** The path itself if it exists, else its closest existing ancestor. */
export function nearestExisting(p: string): string | null {
  for (let current = p; ; current = path.dirname(current)) {
    if (fs.existsSync(current)) return current;
    if (path.dirname(current) === current) return null;
  }
}
