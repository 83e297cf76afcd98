import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegistrySnapshot } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { AppServices } from '../services/app-services';
import type { StorageEngines } from '../services/engines';
import type { SettingsBackend } from '../settings/backend';
import { REGISTRY_FILE } from '../workspace/paths';
import type { CliIo } from './cli-io';

/**
 * The app's services, built in this process for one command (as `serve` builds them), passive:
 * no sync of their own, so a command changes the registry only where it is asked to. The
 * command line never changes the app's settings or job history: settings are read from the data
 * folder into memory, and the services keep their own data in a temporary folder removed at the end.
 */

export interface CommandTarget {
  workspace: string | null;
  host: string | null;
  dataDir: string;
}

/** The user's settings, read once and never written back. */
function readOnlySettings(dataDir: string): { engine: StorageEngines['settings']; workspace: string | null } {
  let store: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) store = parsed as Record<string, unknown>;
  } catch {
    // No settings yet (or unreadable): the defaults, OLLAMA_HOST and the flags decide.
  }
  const backend: SettingsBackend = {
    path: path.join(dataDir, 'settings.json'),
    get store() {
      return store;
    },
    set store(value) {
      store = value;
    },
  };
  return { engine: () => backend, workspace: typeof store.workspace === 'string' && store.workspace !== '' ? store.workspace : null };
}

/** --workspace, else this folder, else the app's last one; never a folder without a registry (the app would fill it with examples). */
function workspaceOf(given: string | null, cwd: string, remembered: string | null): string {
  const isWorkspace = (dir: string) => fs.existsSync(path.join(dir, REGISTRY_FILE));
  if (given) {
    if (isWorkspace(given)) return given;
    throw new AppError('validation', `${given} is not a Modelwright workspace (it has no ${REGISTRY_FILE}). Give --workspace the folder with your registry.`);
  }
  if (isWorkspace(cwd)) return cwd;
  if (remembered !== null && isWorkspace(remembered)) return remembered;
  throw new AppError('validation', `${cwd} is not a Modelwright workspace (it has no ${REGISTRY_FILE}). Run this in your workspace, or give --workspace DIR.`);
}

/** Runs `work` with the services for the target workspace and host, and stops them afterwards. */
export async function withServices<T>(target: CommandTarget, io: CliIo, cwd: string, work: (services: AppServices) => Promise<T>): Promise<T> {
  const settings = readOnlySettings(target.dataDir);
  const workspace = workspaceOf(target.workspace, cwd, settings.workspace);
  // Loaded when a command needs them: --help and a usage error answer without building anything.
  const [{ createAppServices }, { confEngines }] = await Promise.all([import('../services/app-services'), import('../services/engines')]);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'modelwright-cli-'));
  let services: AppServices | null = null;
  try {
    services = await createAppServices({
      mode: 'headless',
      dataDir: scratch,
      defaultWorkspace: workspace,
      workspace,
      ollamaHost: target.host,
      env: io.env,
      appVersion: io.appVersion,
      engines: { registry: confEngines.registry, settings: settings.engine },
      passive: true,
    });
    return await work(services);
  } finally {
    await services?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The registry as read; an invalid file is the command's failure, said with where it is wrong. */
export function readableRegistry(services: AppServices): RegistrySnapshot {
  const snapshot = services.session().store.get();
  const problem = snapshot.problem;
  if (problem) {
    const where = problem.line === null ? '' : ` (line ${problem.line}${problem.column === null ? '' : `, column ${problem.column}`})`;
    throw new AppError('read_only', `The registry file ${problem.file} is invalid${where}: ${problem.message}`);
  }
  return snapshot;
}
