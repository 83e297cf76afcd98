import fs from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';
import { canonicalJson } from '../../shared/deploy/canonical-json';
import { quantizeProblem, quantizeTypeOf } from '../../shared/quantize';
import type { DesiredBuild } from '../../shared/deploy/model-state';
import { decodeModelfile, type CreateRequest, type Diagnostic, type Upload } from '../../shared/modelfile';
import { describeDiagnostic, prepareCreate } from '../modelfiles/prepare-create';
import { sha256Hex } from '../modelfiles/sha256';
import { resolveModelfilePath } from '../workspace/paths';
import type { WeightHashes } from './weight-hashes';

/**
 * The exact /api/create body a registry model is built with, on every host: the Modelfile
 * parsed and checked as the primary's create does it (prepare-create), local weights named by
 * their file digests (the same bytes give the same digest on every host), written as canonical
 * JSON. Its sha256 is "this version" (see `shared/deploy/model-state.ts`).
 */

export interface DesiredRequestInput {
  workspaceDir: string;
  /** The registry name (the model created). */
  name: string;
  /** The entry's `modelfile`, relative to the workspace. */
  modelfile: string;
  /** The entry's `quantize`: part of the request, so of its hash (a new quantization is a new version). */
  quantize?: string | undefined;
  /** For the Modelfile checks' warnings: registry base models and what the host lists. */
  baseModels?: string[];
  ollamaModels?: string[];
  homeDir?: string;
  hashes: WeightHashes;
  signal?: AbortSignal;
  /** Hashing a local file not hashed before (or changed since): bytes done of its size. */
  onHashing?: (upload: Upload, bytes: number, total: number) => void;
}

export interface PreparedRequest {
  ok: true;
  request: CreateRequest;
  /** The request as sent: canonical JSON. */
  body: string;
  sha256: string;
  /** The local files to upload before the create (their digests are in the request already). */
  uploads: Upload[];
  modelfileSha256: string;
  /** The model the request builds on; null for local weights. */
  from: string | null;
  warnings: Diagnostic[];
}

export type DesiredRequest = PreparedRequest | { ok: false; error: AppError };

export async function desiredRequest(input: DesiredRequestInput): Promise<DesiredRequest> {
  const { modelfile } = input;
  if (modelfile === '') return { ok: false, error: new AppError('validation', 'It has no Modelfile in the registry.') };
  const quantize = input.quantize?.trim() ?? '';
  const badQuantize = quantize === '' ? null : quantizeProblem(quantize);
  if (badQuantize) return { ok: false, error: new AppError('validation', `Its registry entry's quantize is wrong: ${badQuantize}.`, [{ path: 'quantize', message: badQuantize }]) };
  let bytes: Buffer;
  let file: string;
  try {
    file = resolveModelfilePath(input.workspaceDir, modelfile);
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error };
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `The Modelfile ${modelfile} does not exist in the workspace.` : `Cannot read ${modelfile}: ${fileErrorReason(error)}.`;
    return { ok: false, error: new AppError('validation', message) };
  }
  const prepared = await prepareCreate({
    workspaceDir: input.workspaceDir,
    modelfilePath: file,
    text: decodeModelfile(bytes),
    model: input.name,
    context: { baseModels: input.baseModels ?? [], ...(input.ollamaModels ? { ollamaModels: input.ollamaModels } : {}) },
    ...(input.homeDir ? { homeDir: input.homeDir } : {}),
  });
  if (!prepared.ok) {
    const lines = prepared.errors.map(describeDiagnostic);
    const error = new AppError(
      'validation',
      `${modelfile} has ${lines.length === 1 ? 'an error' : `${lines.length} errors`}:\n${lines.join('\n')}`,
      prepared.errors.map((d) => ({ path: `${modelfile}:${d.line}:${d.column}`, message: d.message })),
    );
    return { ok: false, error };
  }
  const request = prepared.request;
  if (quantize !== '') request.quantize = quantizeTypeOf(quantize) ?? quantize;
  for (const upload of prepared.uploads) {
    let digest: string;
    try {
      const total = input.onHashing ? (await fs.stat(upload.path)).size : 0;
      digest = await input.hashes.digestOf(upload.path, {
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onHashing ? { onProgress: (bytes: number) => input.onHashing?.(upload, bytes, total) } : {}),
      });
    } catch (error) {
      return { ok: false, error: error instanceof AppError ? error : new AppError('validation', `Cannot read ${upload.path}: ${fileErrorReason(error)}.`) };
    }
    request[upload.field] = { ...request[upload.field], [upload.key]: digest };
  }
  const body = canonicalJson(request);
  return {
    ok: true,
    request,
    body,
    sha256: sha256Hex(body),
    uploads: prepared.uploads,
    modelfileSha256: sha256Hex(bytes),
    from: request.from ?? null,
    warnings: prepared.warnings,
  };
}

/** What the plan needs of it. */
export function toDesiredBuild(desired: DesiredRequest): DesiredBuild {
  if (!desired.ok) return { ok: false, reason: desired.error.message };
  return { ok: true, requestSha256: desired.sha256, from: desired.from };
}
