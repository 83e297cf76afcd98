import os from 'node:os';
import path from 'node:path';
import { diagnose, toCreateRequest, type CreateRequest, type Diagnostic, type Upload, type ValidationContext } from '../../shared/modelfile';
import { uploadsOutsideWorkspace } from './confine-uploads';
import { listDir, probePath } from './local-files';

/**
 * From Modelfile text to the `/api/create` request, as the create job sends it and the preview
 * shows it: parse, validate (base model context for warnings), turn into the request with the
 * local files to upload, and keep those files inside the workspace. Every error is positioned.
 */

export interface PrepareCreateInput {
  workspaceDir: string;
  /** Absolute path of the Modelfile: relative FROM/ADAPTER paths resolve against its folder. */
  modelfilePath: string;
  text: string;
  /** The model to create (the registry name). */
  model: string;
  context?: ValidationContext;
  homeDir?: string;
}

export type PreparedCreate =
  | { ok: true; request: CreateRequest; uploads: Upload[]; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export async function prepareCreate(input: PrepareCreateInput): Promise<PreparedCreate> {
  const { modelfile, diagnostics } = diagnose(input.text, input.context ?? {});
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity !== 'error');
  if (errors.length > 0) return { ok: false, errors, warnings };

  const result = await toCreateRequest(modelfile, {
    model: input.model,
    modelfileDir: path.dirname(input.modelfilePath),
    homeDir: input.homeDir ?? os.homedir(),
    probe: probePath,
    list: listDir,
  });
  const allWarnings = mergeDiagnostics(warnings, result.warnings);
  if (!result.ok) return { ok: false, errors: result.errors, warnings: allWarnings };
  const outside = uploadsOutsideWorkspace(input.workspaceDir, result.uploads);
  if (outside.length > 0) return { ok: false, errors: outside, warnings: allWarnings };
  return { ok: true, request: result.request, uploads: result.uploads, warnings: allWarnings };
}

/** validate and toCreateRequest both flag deprecated parameters: keep each finding once. */
function mergeDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set(a.map((d) => `${d.code}@${d.from}`));
  return [...a, ...b.filter((d) => !seen.has(`${d.code}@${d.from}`))].sort((x, y) => x.from - y.from);
}

/** `line 3, column 1: unknown parameter 'x'`, as a job's error and the admin route show it. */
export function describeDiagnostic(d: Diagnostic): string {
  return `line ${d.line}, column ${d.column}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}
