import { AppError, toAppError } from '../../shared/errors';
import { sameModel } from '../../shared/model-name';
import { ownValue } from '../../shared/own-key';
import { timestamp } from '../../shared/registry';
import type { JobRunner } from '../jobs/job-manager';
import type { OllamaLink } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';
import { findModelKey } from '../registry/operations';
import type { RegistryStore } from '../registry/store';
import { buildOnHost, checkOllama } from './build-on-host';
import type { DeploymentWrites } from './deployment-writes';
import type { WeightHashes } from './weight-hashes';

/**
 * A registry version built on a host other than the primary, as a job. It sends the same
 * create body the primary gets; on success it records `deployments[host][name]` with the digest
 * the host reports right after. The entry's `status` is the primary's and is never touched here,
 * so a failure on this host changes nothing anyone else sees but the job.
 */

export interface DeployJobDeps {
  store: RegistryStore;
  host: string;
  link: OllamaLink;
  gateway: OllamaGateway;
  hashes: WeightHashes;
  /** Where the record goes (batched with other jobs' records). */
  writes: DeploymentWrites;
  homeDir?: string;
  now?: () => Date;
  /** After the job, however it ended (the host's listing is refreshed). */
  onSettled?: () => void;
}

export function deployJobRunner(deps: DeployJobDeps, input: { name: string; pullBase: boolean }): JobRunner {
  return async (ctx) => {
    const { store, gateway } = deps;
    try {
      const registry = store.get().registry;
      const key = findModelKey(registry, input.name);
      const entry = key === undefined ? undefined : ownValue(registry.models, key);
      if (key === undefined || !entry) throw new AppError('not_found', `There is no model named "${input.name}" in the registry.`);
      await checkOllama(ctx, gateway);
      ctx.log(`Building ${key} on ${deps.host}.`);
      const built = await buildOnHost(
        ctx,
        {
          workspaceDir: store.workspace.path,
          baseModels: Object.keys(registry.base_models),
          link: deps.link,
          gateway,
          hashes: deps.hashes,
          ...(deps.homeDir ? { homeDir: deps.homeDir } : {}),
        },
        { name: key, modelfile: entry.modelfile, quantize: entry.quantize, pullBase: input.pullBase },
      );
      let digest: string | undefined;
      try {
        digest = (await gateway.list()).find((m) => sameModel(m.name, key))?.digest;
      } catch (error) {
        ctx.log(`Could not read the new model's digest from ${deps.host}: ${toAppError(error).message}`);
      }
      if (!digest) {
        ctx.log(`${deps.host} built ${key} but does not list it; it is not recorded as deployed there.`);
        return;
      }
      const record = { request_sha256: built.sha256, digest, deployed_at: timestamp((deps.now ?? (() => new Date()))()) };
      try {
        await deps.writes.write(deps.host, key, record);
      } catch (error) {
        ctx.log(`Built, but could not record it in the registry: ${toAppError(error).message}`);
      }
    } finally {
      deps.onSettled?.();
    }
  };
}
