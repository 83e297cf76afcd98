import { stat } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';
import { sameModel } from '../../shared/model-name';
import { versionAdvice } from '../../shared/ollama-version';
import type { JobRunContext } from '../jobs/job-manager';
import { blobExists, uploadBlob } from '../ollama/blob-upload';
import { streamCreate } from '../ollama/create-stream';
import { stallOptionsOf, type OllamaLink } from '../ollama/ollama-link';
import { streamPull } from '../ollama/pull-stream';
import { JsonText } from '../ollama/stream-request';
import type { OllamaGateway } from '../ollama/types';
import { describeDiagnostic } from '../modelfiles/prepare-create';
import { desiredRequest, type PreparedRequest } from './desired-request';
import type { WeightHashes } from './weight-hashes';

/**
 * One registry model built on one host, as every create does it, primary or not: the Modelfile
 * turned into the desired request (the same canonical body everywhere), the base pulled first
 * when asked and missing, local weights uploaded to that host's blob store (HEAD, then the
 * bytes streamed on 404), then `/api/create` streamed to its end. The registry is not touched
 * here: the caller records the outcome.
 */

export interface BuildOnHostDeps {
  workspaceDir: string;
  baseModels: string[];
  link: OllamaLink;
  gateway: OllamaGateway;
  hashes: WeightHashes;
  homeDir?: string;
}

export interface BuildOnHostInput {
  name: string;
  modelfile: string;
  /** The entry's `quantize`, sent with the create. */
  quantize?: string | undefined;
  /** Pull a missing `from` first, as its own steps; otherwise Ollama pulls it inside the create. */
  pullBase: boolean;
}

/** Before anything is changed: an Ollama that does not answer, or is too old, fails only the job. */
export async function checkOllama(ctx: JobRunContext, gateway: OllamaGateway): Promise<void> {
  ctx.report({ status: 'checking Ollama' });
  const version = await gateway.version();
  const advice = versionAdvice(version);
  if (!advice.canCreate) throw new AppError('ollama', advice.warnings[0] ?? `Ollama ${version} cannot create models from this app.`);
  for (const warning of advice.warnings) ctx.log(`Warning: ${warning}`);
}

export async function buildOnHost(ctx: JobRunContext, deps: BuildOnHostDeps, input: BuildOnHostInput): Promise<PreparedRequest> {
  const { link, gateway } = deps;
  const streamOptions = { signal: ctx.signal, stall: stallOptionsOf(link.timeouts, ctx.waiting), fetch: link.fetch };

  ctx.report({ status: `reading ${input.modelfile}` });
  const models = await gateway.list();
  ctx.report({ status: 'checking the Modelfile' });
  const desired = await desiredRequest({
    workspaceDir: deps.workspaceDir,
    name: input.name,
    modelfile: input.modelfile,
    quantize: input.quantize,
    baseModels: deps.baseModels,
    ollamaModels: models.map((m) => m.name),
    hashes: deps.hashes,
    signal: ctx.signal,
    onHashing: (upload, bytes, total) => ctx.report({ status: `hashing ${upload.key}`, total, completed: bytes }),
    ...(deps.homeDir ? { homeDir: deps.homeDir } : {}),
  });
  if (!desired.ok) throw desired.error;
  for (const warning of desired.warnings) ctx.log(`${input.modelfile}, ${describeDiagnostic(warning)}`);
  const { request } = desired;

  if (input.pullBase && request.from && !models.some((m) => sameModel(m.name, request.from ?? ''))) {
    ctx.log(`Pulling the base model ${request.from} first.`);
    for await (const line of streamPull(link.host, request.from, streamOptions)) ctx.report(line);
  }

  for (const upload of desired.uploads) {
    const digest = request[upload.field]?.[upload.key] ?? '';
    const blobOptions = { ...streamOptions, connectMs: link.timeouts.connectMs };
    if (await blobExists(link.host, digest, blobOptions)) {
      ctx.log(`Ollama already has ${upload.key} (${digest}); nothing uploaded.`);
      continue;
    }
    let size: number;
    try {
      size = (await stat(upload.path)).size;
    } catch (error) {
      throw new AppError('validation', `Cannot read ${upload.path}: ${fileErrorReason(error)}.`);
    }
    // Ollama checks the bytes against the digest: a file changed since it was hashed is refused, not mixed up.
    await uploadBlob(link.host, upload.path, digest, {
      ...blobOptions,
      onProgress: (bytes) => ctx.report({ status: `uploading ${upload.key}`, digest, total: size, completed: bytes }),
    });
    ctx.log(`Uploaded ${upload.key} (${digest}).`);
  }

  for await (const line of streamCreate(link.host, new JsonText(desired.body), streamOptions)) ctx.report(line);
  return desired;
}
