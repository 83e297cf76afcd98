import { toAppError, AppError } from '../../shared/errors';
import { DEFAULT_PRIMARY_HOST_NAME } from '../../shared/hosts/host-config';
import { timestamp } from '../../shared/registry';
import { buildOnHost, checkOllama } from '../deploy/build-on-host';
import { WeightHashes } from '../deploy/weight-hashes';
import { defaultOllamaFetch, DEFAULT_OLLAMA_TIMEOUTS, type OllamaTimeouts } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';
import { findModelKey, recordDeployment, setModelStatus } from '../registry/operations';
import { aliasesOf } from '../../shared/release/aliases';
import type { RegistryStore } from '../registry/store';
import { buildProvenance } from './build-provenance';
import type { JobRunContext, JobRunner } from './job-manager';
import { restoreStatus, statusBefore } from './registry-effects';
import { ownValue } from '../../shared/own-key';

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
  /** Local weight digests, remembered across jobs and plans. */
  hashes?: WeightHashes;
  /** The primary host's name: the build is recorded under `deployments[primaryHost]` too. */
  primaryHost?: string;
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
      const { build, deployment } = await buildModel(ctx, deps, { name: key, pullBase: input.pullBase }, entry.modelfile, entry.quantize);
      // One write: the status with its provenance, and what was built on the primary.
      await store.update((draft) => {
        setModelStatus(draft, key, 'available', { build }, { workspaceDir: store.workspace.path, now: (deps.now ?? (() => new Date()))() });
        if (deployment.digest !== '') recordDeployment(draft, deps.primaryHost ?? DEFAULT_PRIMARY_HOST_NAME, key, deployment);
      });
      await refreshAliases(ctx, deps.gateway, aliasesOf(store.get().registry, key), key);
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

/**
 * A released version that is built again: its released names are copied again, so Ollama's
 * `family:latest` is the new build, as the registry says. A copy that fails is logged, not fatal:
 * the build itself succeeded, and releasing again repairs it.
 */
async function refreshAliases(ctx: JobRunContext, gateway: OllamaGateway, aliases: string[], key: string): Promise<void> {
  for (const alias of aliases) {
    try {
      await gateway.copy(key, alias);
      ctx.log(`Released name ${alias} now has this build.`);
    } catch (error) {
      ctx.log(`Could not copy the new build to its released name ${alias}: ${toAppError(error).message}. Release it again to repair it.`);
    }
  }
}

async function buildModel(ctx: JobRunContext, deps: CreateJobDeps, { name, pullBase }: CreateJobInput, modelfile: string, quantize: string | undefined) {
  const { store, gateway } = deps;
  const link = { host: gateway.host, fetch: deps.fetch ?? defaultOllamaFetch(), timeouts: deps.timeouts ?? DEFAULT_OLLAMA_TIMEOUTS };
  const built = await buildOnHost(
    ctx,
    {
      workspaceDir: store.workspace.path,
      baseModels: Object.keys(store.get().registry.base_models),
      link,
      gateway,
      hashes: deps.hashes ?? new WeightHashes(),
      ...(deps.homeDir ? { homeDir: deps.homeDir } : {}),
    },
    { name, modelfile, quantize, pullBase },
  );
  const now = (deps.now ?? (() => new Date()))();
  const build = await buildProvenance(gateway, { model: name, modelfileSha256: built.modelfileSha256, baseModel: built.from ?? undefined, quantize: built.request.quantize, now }, ctx.log);
  return { build, deployment: { request_sha256: built.sha256, digest: build.digest, deployed_at: timestamp(now) } };
}
