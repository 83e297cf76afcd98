import type { Handlers } from '../../shared/contract';
import type { HostPool } from '../hosts/host-pool';
import type { JobManager } from '../jobs/job-manager';
import type { WorkspaceSession } from '../services/workspace-session';
import { DeployService } from './deploy-service';

type DeployCallName = 'hosts.matrix' | 'deploy.version' | 'deploy.plan' | 'deploy.apply';

export interface DeployDeps {
  /** The hosts deploy reads and builds on. */
  hosts: () => HostPool;
  session: () => WorkspaceSession;
  jobs: JobManager;
}

export function deployHandlers(deps: DeployDeps): Pick<Handlers, DeployCallName> {
  const deploy = new DeployService({ hosts: deps.hosts, session: deps.session, jobs: deps.jobs });
  return {
    'hosts.matrix': async () => deploy.matrix(),
    'deploy.version': async (input) => deploy.deployVersion(input),
    'deploy.plan': async ({ hosts, prune }) => (await deploy.plan({ hosts, prune })).plan,
    'deploy.apply': async ({ hosts, prune }) => deploy.apply({ hosts, prune }),
  };
}
