import path from 'node:path';
import type { Diagnostic, Upload } from '../../shared/modelfile';
import { AppError } from '../../shared/errors';
import { resolveModelfilePath } from '../workspace/paths';

/**
 * Local weights and adapters must sit inside the workspace, like the Modelfiles that name them:
 * a Modelfile from a cloned repository must not be able to send `/home/me/.ssh/id_rsa` to a
 * server as a "blob". Checked on the real path, so a symbolic link out of the workspace counts.
 * Returns a positioned error for each file outside.
 */
export function uploadsOutsideWorkspace(workspaceDir: string, uploads: readonly Upload[]): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const upload of uploads) {
    try {
      resolveModelfilePath(workspaceDir, upload.path);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const why = error.issues?.[0]?.message ?? error.message;
      const { line, column, endLine, endColumn, from, to } = upload.at;
      errors.push({
        severity: 'error',
        code: 'unresolvable-path',
        message: `${upload.path} ${why}`,
        hint: `Keep weights and adapters inside the workspace (${path.resolve(workspaceDir)}), e.g. beside the Modelfile.`,
        line,
        column,
        endLine,
        endColumn,
        from,
        to,
      });
    }
  }
  return errors;
}
