import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../services/app-services';
import { confEngines } from '../services/engines';
import type { DeployCommandOptions } from './deploy-args';
import { readOnlySettings, workspaceOf, type CliIo } from './eval-command';

/**
 * The app's services for `plan` and `apply`, in this process, as `eval` builds them: settings
 * read and never written, job history in a scratch folder removed at the end, and no sync of its
 * own (only apply's own jobs write the registry, as the app's would).
 */
export async function withDeployServices<T>(options: DeployCommandOptions, io: CliIo, cwd: string, use: (services: AppServices) => Promise<T>): Promise<T> {
  const settings = readOnlySettings(options.dataDir);
  const workspace = workspaceOf(options, cwd, settings.workspace);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwright-cli-'));
  let services: AppServices | null = null;
  try {
    services = await createAppServices({
      mode: 'headless',
      dataDir: scratch,
      defaultWorkspace: workspace,
      workspace,
      ollamaHost: options.ollamaHost,
      env: io.env,
      appVersion: io.appVersion,
      engines: { registry: confEngines.registry, settings: settings.engine },
      passive: true,
    });
    return await use(services);
  } finally {
    await services?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
