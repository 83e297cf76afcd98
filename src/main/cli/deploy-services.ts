import type { AppServices } from '../services/app-services';
import type { CliIo } from './cli-io';
import { withServices } from './command-services';
import type { DeployCommandOptions } from './deploy-args';

/**
 * The app's services for `plan` and `apply`, as every command builds them (command-services.ts):
 * settings read and never written, no sync of their own; only apply's own jobs write the registry.
 */
export function withDeployServices<T>(options: DeployCommandOptions, io: CliIo, cwd: string, use: (services: AppServices) => Promise<T>): Promise<T> {
  return withServices({ workspace: options.workspace, host: options.ollamaHost, dataDir: options.dataDir }, io, cwd, use);
}
