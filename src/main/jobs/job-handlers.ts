import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { modelKey, modelNameProblem } from '../../shared/model-name';
import type { OllamaLink } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';
import { findModelKey } from '../registry/operations';
import type { WorkspaceSession } from '../services/workspace-session';
import { createJobRunner } from './create-job';
import type { JobManager } from './job-manager';
import { pullJobRunner } from './pull-job';

/**
 * The contract calls for jobs: create and pull start one and answer at once with it; list, get
 * and cancel look at them. A create or pull of a model that already has one queued or running
 * answers with that job instead of starting another (see JobManager).
 */

export interface JobHandlerDeps {
  jobs: JobManager;
  session: () => WorkspaceSession;
  gateway: () => OllamaGateway;
  /** The fetch and time limits for the streamed calls; default: the shared link's. */
  link?: () => OllamaLink;
  /** The primary host's name: a create there is also recorded under `deployments[name]`. */
  primaryHost?: () => string;
}

function linkOptions(deps: JobHandlerDeps) {
  const link = deps.link?.();
  return link ? { fetch: link.fetch, timeouts: link.timeouts } : {};
}

export type JobHandlers = Pick<Handlers, 'models.create' | 'models.pull' | 'jobs.list' | 'jobs.get' | 'jobs.cancel'>;

export function createJobKey(name: string): string {
  return `create:${modelKey(name)}`;
}

export function pullJobKey(model: string): string {
  return `pull:${modelKey(model)}`;
}

export function jobHandlers(deps: JobHandlerDeps): JobHandlers {
  const { jobs } = deps;
  return {
    'models.create': async ({ name, pullBase }) => {
      const session = deps.session();
      const snapshot = session.store.get();
      const key = findModelKey(snapshot.registry, name);
      if (key === undefined) throw new AppError('not_found', `There is no model named "${name}" in the registry.`);
      const existing = jobs.active(createJobKey(key));
      if (existing) return existing;
      if (snapshot.readOnly) {
        throw new AppError('read_only', `The registry file ${snapshot.workspace.registryPath} is invalid; fix it before creating models.`);
      }
      const run = createJobRunner(
        {
          store: session.store,
          gateway: deps.gateway(),
          onSettled: () => void session.sync.syncNow().catch(() => undefined),
          ...linkOptions(deps),
          ...(deps.primaryHost ? { primaryHost: deps.primaryHost() } : {}),
        },
        { name: key, pullBase },
      );
      return jobs.start({ kind: 'create', target: key, key: createJobKey(key), run }).job;
    },
    'models.pull': async ({ model }) => {
      const problem = modelNameProblem(model);
      if (problem) throw new AppError('validation', `Invalid model name "${model}": ${problem}`, [{ path: 'model', message: problem }]);
      const session = deps.session();
      const run = pullJobRunner(
        { host: deps.gateway().host, onSettled: () => void session.sync.syncNow().catch(() => undefined), ...linkOptions(deps) },
        model,
      );
      return jobs.start({ kind: 'pull', target: model, key: pullJobKey(model), run }).job;
    },
    'jobs.list': async () => jobs.list(),
    'jobs.get': async ({ id }) => jobs.get(id),
    'jobs.cancel': async ({ id }) => jobs.cancel(id),
  };
}
