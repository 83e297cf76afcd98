import path from 'node:path';
import type { CreatePreview } from '../../shared/modelfile-files';
import type { Diagnostic, ValidationContext } from '../../shared/modelfile';
import { quantizeProblem, quantizeTypeOf } from '../../shared/quantize';
import { resolveModelfilePath } from '../workspace/paths';
import { readModelfileDocument } from './modelfile-documents';
import { describeDiagnostic, prepareCreate } from './prepare-create';

/**
 * What "Create" would send for a model, for the editor's read-only request view: the exact
 * `/api/create` body (uploaded files shown by name, their digests computed only at create time,
 * since hashing gigabytes for a preview is not on), the files to upload, and every error and
 * warning with its place.
 */

export interface CreatePreviewInput {
  workspaceDir: string;
  /** The registry name: the model the request creates. */
  name: string;
  /** The entry's `modelfile`, relative to the workspace. */
  modelfile: string;
  /** The entry's `quantize`, sent with the create though the Modelfile does not hold it. */
  quantize?: string | undefined;
  /** Unsaved editor text; without it the file on disk. */
  content?: string;
  context: ValidationContext;
}

/** Stands where a digest goes until create hashes the file. */
export function pendingDigest(relPath: string): string {
  return `sha256:<computed at create from ${relPath}>`;
}

export async function previewCreate(input: CreatePreviewInput): Promise<CreatePreview> {
  const modelfilePath = resolveModelfilePath(input.workspaceDir, input.modelfile);
  let text = input.content;
  if (text === undefined) {
    const doc = readModelfileDocument(input.workspaceDir, input.modelfile);
    if (!doc.exists) {
      return { request: null, uploads: [], errors: [{ message: `${input.modelfile} does not exist in the workspace`, line: 1, column: 1 }], warnings: [] };
    }
    text = doc.content;
  }
  const prepared = await prepareCreate({ workspaceDir: input.workspaceDir, modelfilePath, text, model: input.name, context: input.context });
  const warnings = prepared.warnings.map(describeDiagnostic);
  if (!prepared.ok) return { request: null, uploads: [], errors: prepared.errors.map(positioned), warnings };

  const request: Record<string, unknown> = { ...prepared.request };
  const quantize = input.quantize?.trim() ?? '';
  if (quantize !== '') {
    const problem = quantizeProblem(quantize);
    // Not the Modelfile's fault: a warning here, the create refuses it with the same words.
    if (problem) warnings.push(`The registry entry's quantize is wrong: ${problem}.`);
    else request.quantize = quantizeTypeOf(quantize);
  }
  const uploads = prepared.uploads.map((upload) => {
    const rel = workspaceRelative(input.workspaceDir, upload.path);
    const field = { ...((request[upload.field] as Record<string, string> | undefined) ?? {}) };
    field[upload.key] = pendingDigest(rel);
    request[upload.field] = field;
    return { kind: upload.kind, path: rel, key: upload.key };
  });
  return { request, uploads, errors: [], warnings };
}

/** Ollama's wording as it is; the editor's own diagnostics carry the hints. */
function positioned(d: Diagnostic): { message: string; line: number; column: number } {
  return { message: d.message, line: d.line, column: d.column };
}

function workspaceRelative(workspaceDir: string, file: string): string {
  return path.relative(path.resolve(workspaceDir), file).split(path.sep).join('/');
}
