import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's version from package.json, found from source (src/main) and from the build (out/main). */
export function appVersion(baseDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(baseDir, '../../package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
