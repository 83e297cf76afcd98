import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { REGISTRY_FILE } from './paths';

/** Where the app runs from: a package (Electron's resources folder) or the repository. */
export interface TemplateLocation {
  /** `process.resourcesPath` when the app is packaged (`app.isPackaged`); null in the repository. */
  packagedResources: string | null;
  /** The caller's `import.meta.dirname`: `src/main/...` from source, `out/main/...` from the build. */
  baseDir: string;
}

/**
 * The bundled first-run workspace: `models/` in the package's resources folder when packaged (an
 * extra resource, outside the asar), else `models/` at the repository root. Never the current
 * directory: the app may be started from anywhere.
 */
export function bundledTemplateDir(location: TemplateLocation): string {
  const candidates = templateCandidates(location);
  for (const candidate of candidates) {
    if (fs.existsSync(path.join(candidate, REGISTRY_FILE))) return candidate;
  }
  throw new AppError('internal', `The bundled example workspace was not found; looked in: ${candidates.join(', ')}`);
}

function templateCandidates({ packagedResources, baseDir }: TemplateLocation): string[] {
  if (packagedResources !== null) return [path.join(path.resolve(packagedResources), 'models')];
  const base = path.resolve(baseDir);
  return [
    ...new Set([
      path.join(base, '..', '..', 'models'), // src/main or out/main → models
      path.join(base, '..', '..', '..', 'models'), // src/main/<folder> or out/main/chunks → models
    ]),
  ];
}
