import fs from 'node:fs';
import path from 'node:path';
import { REGISTRY_FILE } from './paths';

export interface EnsureWorkspaceResult {
  /** True when the registry was created from the template just now. */
  created: boolean;
  /** Files copied from the template, relative to the workspace. */
  copied: string[];
}

/**
 * Makes `dir` a workspace: when it has no registry, the template's registry and Modelfiles are
 * copied in. Never overwrites a file that is already there.
 */
export function ensureWorkspace(dir: string, templateDir: string): EnsureWorkspaceResult {
  const root = path.resolve(dir);
  fs.mkdirSync(root, { recursive: true });
  if (fs.existsSync(path.join(root, REGISTRY_FILE))) return { created: false, copied: [] };

  const copied: string[] = [];
  copyTree(path.resolve(templateDir), root, '', copied);
  return { created: copied.includes(REGISTRY_FILE), copied };
}

function copyTree(fromRoot: string, toRoot: string, rel: string, copied: string[]): void {
  for (const entry of fs.readdirSync(path.join(fromRoot, rel), { withFileTypes: true })) {
    const relPath = rel === '' ? entry.name : path.join(rel, entry.name);
    const to = path.join(toRoot, relPath);
    if (entry.isDirectory()) {
      fs.mkdirSync(to, { recursive: true });
      copyTree(fromRoot, toRoot, relPath, copied);
    } else if (entry.isFile()) {
      try {
        // COPYFILE_EXCL: a file the user already has is theirs; keep it.
        fs.copyFileSync(path.join(fromRoot, relPath), to, fs.constants.COPYFILE_EXCL);
        copied.push(relPath.split(path.sep).join('/'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
}
