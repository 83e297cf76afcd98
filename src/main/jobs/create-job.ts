import fs from 'node:fs';
import { AppError, toAppError } from '../../shared/errors';
import { decodeModelfile, type CreateRequest } from '../../shared/modelfile';
import { sameModel } from '../../shared/model-name';
import { versionAdvice } from '../../shared/ollama-version';
import { ensureBlob } from '../ollama/blob-upload';
import { DEFAULT_OLLAMA_TIMEOUTS, stallOptionsOf, type OllamaTimeouts } from '../ollama/ollama-link';
import { streamCreate } from '../ollama/create-stream';
import { streamPull } from '../ollama/pull-stream';
import type { OllamaGateway } from '../ollama/types';
import { describeDiagnostic, prepareCreate } from '../modelfiles/prepare-create';
import { sha256Hex } from '../modelfiles/sha256';
import { findModelKey } from '../registry/operations';
import type { RegistryStore } from '../registry/store';
import { resolveModelfilePath } from '../workspace/paths';
import { buildProvenance } from './build-provenance';
import type { JobRunContext, JobRunner } from './job-manager';
import { restoreStatus, statusBefore } from './registry-effects';
import { ownValue } from '../../shared/own-key';
import { fileErrorReason } from '../../shared/file-error-reason';

/**
 * One model built from its Modelfile, end to end: Ollama must answer and be recent enough (else
 * the job fails and the registry is not touched); the registry says `creating`; the Modelfile is
 * read, parsed and checked (errors stop it, with their positions); the base model is pulled first
 * when asked and missing; local weights are hashed and uploaded; then `/api/create` streams to its
 * end. Success records `available` and the build's provenance, failure `failed` with Ollama's
 * message. A cancel, a stalled Ollama, or Ollama becoming unreachable restores the entry as it
 * was: nothing about the model failed, and the job keeps the reason.
 */

export interface CreateJobDeps {
  store: RegistryStore;
  gateway: OllamaGateway;
  /** After the job, however it ended: a sync confirms the result against Ollama. */
  onSettled?: () => void;
  homeDir?: string;
  /** For the streamed calls and uploads; default: the shared link with default limits. */
  fetch?: typeof fetch;
  timeouts?: OllamaTimeouts;
  now?: () => Date;
}

export interface CreateJobInput {
  /** The registry name (entry key); also the Ollama model created. */
  name: string;
  pullBase: boolean;
}

export function createJobRunner(deps: CreateJobDeps, input: CreateJobInput): JobRunner {
  return async (ctx) => {
    const { store } = deps;
    const registry = store.get().registry;
    const key = findModelKey(registry, input.name);
    const entry = key === undefined ? undefined : ownValue(registry.models, key);
    if (key === undefined || !entry) throw new AppError('not_found', `There is no model named "${input.name}" in the registry.`);
    const before = statusBefore(entry);
    await checkOllama(ctx, deps.gateway);
    await store.setStatus(key, 'creating');
    try {
      const build = await buildModel(ctx, deps, { name: key, pullBase: input.pullBase }, entry.modelfile);
      await store.setStatus(key, 'available', { build });
    } catch (error) {
      const appError = toAppError(error);
      try {
        // Cancelled, stalled or unreachable: nothing is wrong with the model, so it keeps the status it had.
        if (ctx.signal.aborted || appError.kind === 'stalled' || appError.kind === 'offline') await restoreStatus(store, key, before);
        else await store.setStatus(key, 'failed', { failure_reason: appError.message });
      } catch (registryError) {
        ctx.log(`Could not record the result in the registry: ${toAppError(registryError).message}`);
      }
      throw appError;
    } finally {
      deps.onSettled?.();
    }
  };
}

/** Before the registry is touched: an Ollama that does not answer, or is too old, fails only the job. */
async function checkOllama(ctx: JobRunContext, gateway: OllamaGateway): Promise<void> {
  ctx.report({ status: 'checking Ollama' });
  const version = await gateway.version();
  const advice = versionAdvice(version);
  if (!advice.canCreate) throw new AppError('ollama', advice.warnings[0] ?? `Ollama ${version} cannot create models from this app.`);
  for (const warning of advice.warnings) ctx.log(`Warning: ${warning}`);
}

async function buildModel(ctx: JobRunContext, deps: CreateJobDeps, { name, pullBase }: CreateJobInput, modelfile: string) {
  const { store, gateway } = deps;
  const host = gateway.host;
  const workspaceDir = store.workspace.path;
  const streamOptions = {
    signal: ctx.signal,
    stall: stallOptionsOf(deps.timeouts ?? DEFAULT_OLLAMA_TIMEOUTS, ctx.waiting),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  };

  ctx.report({ status: `reading ${modelfile}` });
  const file = resolveModelfilePath(workspaceDir, modelfile);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('validation', code === 'ENOENT' ? `The Modelfile ${modelfile} does not exist in the workspace.` : `Cannot read ${modelfile}: ${fileErrorReason(error)}.`);
  }
  const modelfileSha256 = sha256Hex(bytes);

  const models = await gateway.list();

  ctx.report({ status: 'checking the Modelfile' });
  const prepared = await prepareCreate({
    workspaceDir,
    modelfilePath: file,
    text: decodeModelfile(bytes),
    model: name,
    context: { baseModels: Object.keys(store.get().registry.base_models), ollamaModels: models.map((m) => m.name) },
    ...(deps.homeDir ? { homeDir: deps.homeDir } : {}),
  });
  for (const warning of prepared.warnings) ctx.log(`${modelfile}, ${describeDiagnostic(warning)}`);
  if (!prepared.ok) {
    const lines = prepared.errors.map(describeDiagnostic);
    throw new AppError(
      'validation',
      `${modelfile} has ${lines.length === 1 ? 'an error' : `${lines.length} errors`}:\n${lines.join('\n')}`,
      prepared.errors.map((d) => ({ path: `${modelfile}:${d.line}:${d.column}`, message: d.message })),
    );
  }
  const request: CreateRequest = prepared.request;

  // Without pullBase Ollama pulls a missing base itself, inside the create stream.
  if (pullBase && request.from && !models.some((m) => sameModel(m.name, request.from ?? ''))) {
    ctx.log(`Pulling the base model ${request.from} first.`);
    for await (const line of streamPull(host, request.from, streamOptions)) ctx.report(line);
  }

  for (const upload of prepared.uploads) {
    const blob = await ensureBlob(host, upload.path, {
      ...streamOptions,
      connectMs: (deps.timeouts ?? DEFAULT_OLLAMA_TIMEOUTS).connectMs,
      onProgress: ({ phase, bytes: done, total, digest }) => {
        ctx.report({ status: `${phase} ${upload.key}`, ...(digest ? { digest } : {}), total, completed: done });
      },
    });
    ctx.log(blob.uploaded ? `Uploaded ${upload.key} (${blob.digest}).` : `Ollama already has ${upload.key} (${blob.digest}); nothing uploaded.`);
    request[upload.field] = { ...request[upload.field], [upload.key]: blob.digest };
  }

  for await (const line of streamCreate(host, request, streamOptions)) ctx.report(line);

  return buildProvenance(gateway, { model: name, modelfileSha256, baseModel: request.from, now: (deps.now ?? (() => new Date()))() }, ctx.log);
}
