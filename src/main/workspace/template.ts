import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { REGISTRY_FILE } from './paths';

/**
 * The bundled first-run workspace (`models/` at the project root). Callers pass their own
 * `import.meta.dirname`: from source that is `src/main/...`, from the build `out/main`, and in a
 * packaged app the folder may also sit in Electron's resources directory.
 */
export function bundledTemplateDir(baseDir: string): string {
  const candidates = templateCandidates(baseDir);
  for (const candidate of candidates) {
    if (fs.existsSync(path.join(candidate, REGISTRY_FILE))) return candidate;
  }
  throw new AppError('internal', `The bundled example workspace was not found; looked in: ${candidates.join(', ')}`);
}

function templateCandidates(baseDir: string): string[] {
  const base = path.resolve(baseDir);
  const candidates = [
    path.join(base, '..', '..', 'models'), // out/main → models, src/main → models
    path.join(base, '..', 'models'),
    path.join(base, '..', '..', '..', 'models'), // src/main/<folder> → models
  ];
  // Set by Electron in a packaged app; read without importing electron.
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (typeof resources === 'string') candidates.push(path.join(resources, 'models'));
  return [...new Set(candidates)];
}
