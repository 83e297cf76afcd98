import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { DEFAULT_PRIMARY_HOST_NAME } from '../../shared/hosts/host-config';
import type { HostView } from '../../shared/hosts/host-config';
import type { ConnectionState } from '../../shared/connection-state';
import type { HostPool } from '../hosts/host-pool';
import type { JobManager } from '../jobs/job-manager';
import type { WorkspaceSession } from '../services/workspace-session';
import { DeployService } from './deploy-service';

type DeployCallName = 'hosts.list' | 'hosts.add' | 'hosts.update' | 'hosts.remove' | 'hosts.setPrimary' | 'hosts.matrix' | 'deploy.version' | 'deploy.plan' | 'deploy.apply';

export interface DeployDeps {
  /** The primary host's URL in use and whether the user set it. */
  primary: () => { url: string | null; effectiveUrl: string };
  connection: () => ConnectionState;
  /** The hosts deploy reads and builds on (the real pool, or only the primary until it is wired in). */
  hosts: () => HostPool;
  session: () => WorkspaceSession;
  jobs: JobManager;
}

// Placeholder while hosts and deploy land: only the primary exists. Replaced piece by piece.
const notYet = (): never => {
  throw new AppError('validation', 'Several hosts are not available in this version yet.');
};

export function deployHandlers(deps: DeployDeps): Pick<Handlers, DeployCallName> {
  const deploy = new DeployService({ hosts: deps.hosts, session: deps.session, jobs: deps.jobs });
  const list = (): HostView[] => {
    const { url, effectiveUrl } = deps.primary();
    return [{ name: DEFAULT_PRIMARY_HOST_NAME, url, effectiveUrl, primary: true, hasToken: false, connection: deps.connection() }];
  };
  return {
    'hosts.list': async () => list(),
    'hosts.add': async () => notYet(),
    'hosts.update': async () => notYet(),
    'hosts.remove': async () => notYet(),
    'hosts.setPrimary': async () => notYet(),
    'hosts.matrix': async () => deploy.matrix(),
    'deploy.version': async (input) => deploy.deployVersion(input),
    'deploy.plan': async ({ hosts, prune }) => (await deploy.plan({ hosts, prune })).plan,
    'deploy.apply': async ({ hosts, prune }) => deploy.apply({ hosts, prune }),
  };
}
