import type { AppServices } from '../services/app-services';
import type { CliIo } from './cli-io';
import { withHostsServices } from './command-services';
import type { DeployCommandOptions } from './deploy-args';

/**
 * The app's services for `plan` and `apply`, as every command builds them (command-services.ts):
 * settings read and never written, no sync of their own; only apply's own jobs write the registry.
 * `use` gets the hosts chosen with `--host` (names, or addresses a host in Settings has, or one
 * address for the primary), or null for every host.
 */
export function withDeployServices<T>(options: DeployCommandOptions, io: CliIo, cwd: string, use: (services: AppServices, hosts: string[] | null) => Promise<T>): Promise<T> {
  return withHostsServices({ workspace: options.workspace, hosts: options.hosts, ollamaHost: options.ollamaHost, dataDir: options.dataDir }, io, cwd, use);
}
