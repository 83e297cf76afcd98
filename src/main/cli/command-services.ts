import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RegistrySnapshot } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { chooseHosts } from '../../shared/hosts/host-arg';
import { DEFAULT_PRIMARY_HOST_NAME, hostNameSchema } from '../../shared/hosts/host-config';
import { setPrimary, type HostsConfig } from '../../shared/hosts/host-list';
import { resolveOllamaHost } from '../../shared/ollama-host';
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
  /**
   * `--host`: a host named in Settings or an Ollama address (shared/hosts/host-arg.ts); null: the
   * primary. The chosen host is this run's Ollama, with its own name and token.
   */
  host: string | null;
  dataDir: string;
  /**
   * Commands that record the primary's state in each entry's `status` (create, pull): a host
   * other than the primary is refused, and `apply --host` named instead.
   */
  primaryOnly?: boolean;
}

/** The hosts as the settings file has them (read loosely: the services read it again, strictly). */
function hostsOf(store: Record<string, unknown>): HostsConfig {
  const name = hostNameSchema.safeParse(store.primaryHostName);
  const others = Array.isArray(store.hosts)
    ? store.hosts.filter((h): h is { name: string; url: string } => typeof h?.name === 'string' && typeof h?.url === 'string')
    : [];
  return {
    primary: { name: name.success ? name.data : DEFAULT_PRIMARY_HOST_NAME, url: typeof store.ollamaHost === 'string' && store.ollamaHost !== '' ? store.ollamaHost : null },
    others: others.map((h) => ({ name: h.name, url: h.url })),
  };
}

/**
 * Applies `--host` to the settings read (in memory only): the hosts chosen by name (the named host
 * made primary for this run when only one may be used) and the primary's address when an address
 * no host has was given. Returns the chosen names, the primary's first.
 */
export function applyHostChoice(
  store: Record<string, unknown>,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  single: { primaryOnly: boolean } | null,
): { names: string[]; ollamaHost: string | null } {
  if (args.length === 0) return { names: [], ollamaHost: null };
  const config = hostsOf(store);
  const primaryUrl = resolveOllamaHost(config.primary.url, env.OLLAMA_HOST);
  const chosen = chooseHosts(args, config, primaryUrl);
  const [only] = chosen.names;
  if (single && only !== undefined && chosen.primaryUrl === null && only !== config.primary.name) {
    if (single.primaryOnly) {
      throw new AppError(
        'validation',
        `"${only}" is not the primary host, and this command records the primary's status in the registry. Build there with "modelwright apply --host ${only}", or make it the primary in Settings.`,
      );
    }
    const swapped = setPrimary(config, only, primaryUrl);
    store.primaryHostName = swapped.primary.name;
    store.ollamaHost = swapped.primary.url;
    store.hosts = swapped.others;
  }
  return { names: chosen.names, ollamaHost: chosen.primaryUrl };
}

/** The user's settings, read once and never written back. */
function readOnlySettings(dataDir: string): { engine: StorageEngines['settings']; workspace: string | null; store: Record<string, unknown> } {
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
  return { engine: () => backend, workspace: typeof store.workspace === 'string' && store.workspace !== '' ? store.workspace : null, store };
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
  const { ollamaHost } = applyHostChoice(settings.store, target.host === null ? [] : [target.host], io.env, { primaryOnly: target.primaryOnly === true });
  return withSettings(settings, ollamaHost, target, io, cwd, work);
}

/** `plan` and `apply`: several `--host`, each a name or an address; `work` gets the chosen names (none: every host). */
export async function withHostsServices<T>(
  target: Omit<CommandTarget, 'host'> & { hosts: readonly string[] | null; ollamaHost: string | null },
  io: CliIo,
  cwd: string,
  work: (services: AppServices, hosts: string[] | null) => Promise<T>,
): Promise<T> {
  const settings = readOnlySettings(target.dataDir);
  const chosen = applyHostChoice(settings.store, target.hosts ?? [], io.env, null);
  if (target.ollamaHost !== null && chosen.ollamaHost !== null && chosen.ollamaHost !== resolveOllamaHost(target.ollamaHost, undefined)) {
    throw new AppError('validation', `--ollama-host ${target.ollamaHost} and --host ${chosen.ollamaHost} both give the primary's address: give one.`);
  }
  return withSettings(settings, chosen.ollamaHost ?? target.ollamaHost, target, io, cwd, (services) => work(services, target.hosts ? chosen.names : null));
}

async function withSettings<T>(
  settings: ReturnType<typeof readOnlySettings>,
  ollamaHost: string | null,
  target: Pick<CommandTarget, 'workspace' | 'dataDir'>,
  io: CliIo,
  cwd: string,
  work: (services: AppServices) => Promise<T>,
): Promise<T> {
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
      ollamaHost,
      env: io.env,
      appVersion: io.appVersion,
      engines: { registry: confEngines.registry, settings: settings.engine },
      packagedResources: io.packagedResources ?? null,
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
