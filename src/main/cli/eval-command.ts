import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { newestRegression } from '../../shared/eval/run-verdict';
import type { Job } from '../../shared/jobs';
import type { Registry } from '../../shared/registry';
import { familyOf, parseVersionedName } from '../../shared/versions';
import { readRun, runFilePath } from '../evals/run-store';
import { createAppServices, type AppServices } from '../services/app-services';
import { confEngines, type StorageEngines } from '../services/engines';
import type { SettingsBackend } from '../settings/backend';
import { REGISTRY_FILE } from '../workspace/paths';
import type { EvalCommandOptions } from './eval-args';
import { runJson, runTable } from './eval-report';

/**
 * `modelwright eval`: builds the app's services in this process (as `serve` does), runs the set as
 * the app would, and prints. The command line never changes the app's settings or job history:
 * settings are read from the data folder into memory, and the services keep their own data in a
 * temporary folder removed at the end.
 */

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The progress line is redrawn in place on a terminal, printed per model otherwise. */
  errIsTty: boolean;
  env: NodeJS.ProcessEnv;
  appVersion: string;
  /** Called with a cancel function while the run goes (Ctrl-C cancels and keeps what finished). */
  onInterrupt?: (cancel: (() => void) | null) => void;
}

export const EXIT = { ok: 0, regression: 1, error: 2 } as const;

/** The user's settings, read once and never written back. */
export function readOnlySettings(dataDir: string): { engine: StorageEngines['settings']; workspace: string | null } {
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
export function workspaceOf(options: Pick<EvalCommandOptions, 'workspace'>, cwd: string, remembered: string | null): string {
  const isWorkspace = (dir: string) => fs.existsSync(path.join(dir, REGISTRY_FILE));
  if (options.workspace) {
    if (isWorkspace(options.workspace)) return options.workspace;
    throw new AppError('validation', `${options.workspace} is not a Modelwright workspace (it has no ${REGISTRY_FILE}). Give --workspace the folder with your registry.`);
  }
  if (isWorkspace(cwd)) return cwd;
  if (remembered !== null && isWorkspace(remembered)) return remembered;
  throw new AppError('validation', `${cwd} is not a Modelwright workspace (it has no ${REGISTRY_FILE}). Run this in your workspace, or give --workspace DIR.`);
}

/** The family's registered versions, oldest first. */
function versionsOf(registry: Registry | null, family: string): string[] {
  const key = familyOf(family);
  return Object.keys(registry?.models ?? {})
    .map((name) => ({ name, parsed: parseVersionedName(name) }))
    .filter(({ name, parsed }) => parsed.version !== null && familyOf(name) === key)
    .sort((a, b) => (a.parsed.version ?? 0) - (b.parsed.version ?? 0))
    .map(({ name }) => name);
}

function chooseModels(options: EvalCommandOptions, registry: Registry | null): string[] {
  if (options.models) return options.models;
  const versions = versionsOf(registry, options.family);
  if (!options.versions) {
    if (versions.length === 0) throw new AppError('validation', `The registry has no versions of "${options.family}" (models named ${options.family}-v1, -v2, …). Check the family's name, or give --models.`);
    return versions.slice(-2);
  }
  return options.versions.map((given) => {
    const number = /^v?(\d+)$/i.exec(given)?.[1];
    if (number === undefined) return given;
    const found = versions.find((name) => parseVersionedName(name).version === Number(number));
    if (!found) throw new AppError('validation', `"${options.family}" has no version ${given} in the registry (it has ${versions.join(', ') || 'none'}).`);
    return found;
  });
}

function progressReporter(io: CliIo, jobId: string): (event: string, payload: unknown) => void {
  // Updates are coalesced: a step (one per model) may begin and end between two of them.
  let printedSteps = 0;
  return (event, payload) => {
    if (event !== 'job.updated') return;
    const job = payload as Job;
    if (job.id !== jobId) return;
    if (io.errIsTty) {
      const progress = job.progress;
      if (progress && job.state === 'running') io.err(`\r\x1b[2K${progress.status} · ${progress.completed ?? 0}/${progress.total ?? 0} done`);
      if (job.state !== 'running' && job.state !== 'queued') io.err('\r\x1b[2K');
      return;
    }
    for (const step of job.steps.slice(printedSteps)) io.err(`${step.status}\n`);
    printedSteps = job.steps.length;
  };
}

export async function runEvalCommand(options: EvalCommandOptions, io: CliIo, cwd = process.cwd()): Promise<number> {
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
    const session = services.session();
    const models = chooseModels(options, session.store.get().registry);
    const started = await services.handlers['evals.start']({ family: options.family, models, ...(options.judge === undefined ? {} : { judge: options.judge }) });
    const live = services;
    const unsubscribe = services.bus.subscribe(progressReporter(io, started.jobId));
    io.onInterrupt?.(() => void live.jobs.cancel(started.jobId));
    const job = await services.jobs.whenDone(started.jobId);
    io.onInterrupt?.(null);
    unsubscribe();
    if (io.errIsTty) io.err('\r\x1b[2K');

    const run = readRun(session.dir, options.family, started.runId);
    const file = runFilePath(options.family, started.runId);
    io.out(options.json ? runJson(run, file) : runTable(run, file));
    if (job.state !== 'succeeded') {
      io.err(`modelwright eval: the run ${job.state === 'cancelled' ? 'was cancelled' : `failed: ${job.error ?? 'unknown error'}`}; what finished is saved in ${file}\n`);
      return EXIT.error;
    }
    return newestRegression(run) ? EXIT.regression : EXIT.ok;
  } finally {
    await services?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
