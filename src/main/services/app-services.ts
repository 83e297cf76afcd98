import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { hostProblem, resolveOllamaHost } from '../../shared/ollama-host';
import type { OllamaTimeoutsPatch } from '../../shared/ollama-timeouts';
import { createChatFeature, type ChatFeature } from '../chat/feature';
import { EventBus } from '../events';
import { deployHandlers } from '../deploy/handlers';
import { evalHandlers } from '../evals/handlers';
import { factsHandlers, factsService } from '../facts/facts-service';
import { ShowCache } from '../facts/show-cache';
import { capabilityLookup } from '../facts/capability-lookup';
import { createJobKey, jobHandlers } from '../jobs/job-handlers';
import { createLifecycleFeature, type LifecycleFeature } from '../lifecycle/feature';
import { modelOpsHandlers } from '../model-ops/handlers';
import { releaseHandlers } from '../release/handlers';
import { JobHistory } from '../jobs/job-history';
import { JobManager } from '../jobs/job-manager';
import { recoverInterruptedCreates } from '../jobs/recover-creating';
import { modelfileHandlers, watchModelfiles } from '../modelfiles/modelfile-handlers';
import { ConnectionMonitor } from '../connection/connection-monitor';
import { offlineError } from '../ollama/errors';
import { headersAddedBy, timeoutsFromSettings, type OllamaLink } from '../ollama/ollama-link';
import { VersionProbe } from '../connection/version-probe';
import { encryptedHostTokens, SEALED_TOKENS_KEY, type SecretBox } from '../hosts/encrypted-tokens';
import { fileHostTokens } from '../hosts/file-tokens';
import { hostHandlers } from '../hosts/handlers';
import type { HostPool } from '../hosts/host-pool';
import { HostPoolService } from '../hosts/host-pool-service';
import type { HostTokens } from '../hosts/host-tokens';
import { pickHost } from '../../shared/hosts/pick-host';
import { rememberHosts, type StoredHost } from '../../shared/hosts/host-list';
import type { OllamaGateway } from '../ollama/types';
import { SettingsStore } from '../settings/store';
import { bundledTemplateDir } from '../workspace/template';
import { confEngines, type StorageEngines } from './engines';
import { openWorkspaceSession, type WorkspaceSession } from './workspace-session';
import { errorReportHandler, type ErrorReportSink } from '../error-reports/report-handler';
import { createUpdatesFeature } from '../updates/updates-feature';
import { addCliToPath } from '../cli-path/add-to-path';
import os from 'node:os';
import type { Updater } from '../updates/update-service';

export interface AppServicesOptions {
  mode: 'desktop' | 'headless';
  /** App data (settings), not the user's workspace. */
  dataDir: string;
  /** Used when neither the command line nor the settings name a workspace. */
  defaultWorkspace: string;
  /** A workspace given on the command line wins over the remembered one. */
  workspace?: string | null;
  /** An Ollama host given on the command line; stored in settings like one typed there. */
  ollamaHost?: string | null;
  /** More Ollama hosts given on the command line (`--add-ollama`); stored like ones added in Settings. */
  hosts?: StoredHost[];
  /** Ollama time limits given on the command line; stored like ones set in Settings. */
  ollamaTimeouts?: OllamaTimeoutsPatch;
  env: NodeJS.ProcessEnv;
  appVersion: string;
  engines?: StorageEngines;
  templateDir?: string;
  /**
   * Electron's resources folder when the app runs packaged: the first-run workspace is taken from
   * there. Null or absent: from the repository (source, build, `serve` and the command line).
   */
  packagedResources?: string | null;
  syncIntervalMs?: number;
  /**
   * The desktop app's OS-backed encryption (Electron's safeStorage) for host tokens; absent:
   * tokens come from the environment or a file only the user can read (headless, command line).
   */
  secrets?: SecretBox;
  /**
   * Answer calls only: no sync of its own (at start, on a timer or when Ollama returns), syncs
   * that write no status (not even the one that follows a create or an import), no automatic
   * preload, and no reset of models another process may be building. For the command line,
   * which must change a registry (say, one committed in a CI checkout) only where it was asked to.
   */
  passive?: boolean;
  /**
   * Where the page's uncaught errors are logged: the desktop log file; absent, standard error (the
   * headless server's output).
   */
  errorLog?: ErrorReportSink;
  /**
   * The desktop app's updater (electron-updater's, made when the first check is due). Absent
   * (headless, the command line, tests): the app never looks for a new version.
   */
  updater?: () => Promise<Updater>;
}

export interface AppServices {
  handlers: Handlers;
  bus: EventBus;
  /** Current workspace session (registry store and sync). */
  session(): WorkspaceSession;
  gateway(): OllamaGateway;
  /** Create and pull jobs (app-wide: they outlive a workspace switch). */
  jobs: JobManager;
  /** Conversations, the OpenAI-compatible proxy's backend, the desktop local API. */
  chat: ChatFeature;
  /** Base models, loading and preloading, import and export. */
  lifecycle: LifecycleFeature;
  /** Whether the primary Ollama answers, known within seconds (see ConnectionMonitor). */
  connection: ConnectionMonitor;
  /** Every Ollama host: its link, gateway and last listing; the primary's is the sync's. */
  hosts: HostPool;
  /** A sync soon, at most one every few seconds: for window focus. */
  syncSoon(): Promise<void>;
  stop(): Promise<void>;
}

const FOCUS_SYNC_MIN_INTERVAL_MS = 5_000;

/** Builds the services both entries share and the handlers for every contract call. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const engines = options.engines ?? confEngines;
  const bus = new EventBus();
  const templateDir = options.templateDir ?? bundledTemplateDir({ packagedResources: options.packagedResources ?? null, baseDir: import.meta.dirname });
  const syncIntervalMs = options.passive ? null : (options.syncIntervalMs ?? 60_000);

  const settings = new SettingsStore(engines.settings(options.dataDir), {
    resolveHost: (host) => resolveOllamaHost(host, options.env.OLLAMA_HOST),
    defaultWorkspace: options.defaultWorkspace,
  });

  // Declared before the monitor's callbacks can run (they start with monitor.start() below).
  let session: WorkspaceSession;
  const connection = new ConnectionMonitor({
    host: () => settings.get().effectiveHost,
    onOffline: ({ host, reason }) => void session.sync.connectionLost(offlineError(host, reason)),
    onOnline: () => void (options.passive ? undefined : session.sync.connectionRestored().catch(() => undefined)),
    // The probe carries the primary's token like every other request to it (probes start after the pool exists).
    probe: (onIdleClose) => new VersionProbe(onIdleClose, undefined, () => headersAddedBy(pool.link(pool.primaryName()).fetch)),
  });
  const observer = {
    answered: (host: string) => connection.callAnswered(host),
    failed: (host: string, error: unknown) => connection.callFailed(host, error),
  };

  const tokens: HostTokens = options.secrets
    ? encryptedHostTokens(options.secrets, { read: () => settings.readKey(SEALED_TOKENS_KEY), write: (value) => settings.writeKey(SEALED_TOKENS_KEY, value) })
    : fileHostTokens({ dataDir: options.dataDir, env: options.env });

  // Command-line choices are remembered like choices made in Settings.
  if (options.ollamaHost) settings.update({ ollamaHost: options.ollamaHost });
  if (options.ollamaTimeouts && Object.keys(options.ollamaTimeouts).length > 0) settings.update({ ollamaTimeouts: options.ollamaTimeouts });
  if (options.workspace) settings.update({ workspace: options.workspace });
  if (options.hosts && options.hosts.length > 0) {
    settings.updateHosts(rememberHosts(settings.hostsConfig(), options.hosts, settings.get().effectiveHost));
  }

  // One link (connection pool, limits, token) and gateway per host, rebuilt when one of them changes.
  const pool = new HostPoolService({
    config: () => settings.hostsConfig(),
    primaryUrl: () => settings.get().effectiveHost,
    timeouts: () => timeoutsFromSettings(settings.get().ollamaTimeouts),
    tokens,
    bus,
    sync: () => session.sync.get(),
    syncNow: () => session.sync.syncNow(),
    primaryObserver: observer,
    intervalMs: syncIntervalMs,
    // The command line never syncs, so a plan never rewrites the registry's statuses.
    primaryRefresh: options.passive ? 'direct' : 'sync',
  });
  const gateway = (): OllamaGateway => pool.gateway(pool.primaryName());
  const link = (): OllamaLink => pool.link(pool.primaryName());
  /** The primary's address changed: what was known about Ollama is about another server. */
  const primaryChanged = (): void => {
    connection.hostChanged();
    syncInBackground(session);
  };

  // Work a call starts and does not wait for: its failure is logged, never left unhandled.
  const syncInBackground = (current: WorkspaceSession): void =>
    void current.sync.syncNow().catch((error: unknown) => console.warn(`[sync] a sync failed: ${String(error)}`));

  const openSession = (dir: string): WorkspaceSession =>
    openWorkspaceSession({ dir, templateDir, engine: engines.registry, bus, gateway, syncIntervalMs, syncWrites: !options.passive, appDataDir: options.dataDir });

  session = openSession(settings.get().workspace);
  connection.start();

  const jobs = new JobManager({ bus, history: new JobHistory({ dir: options.dataDir }) });
  // Subscribes to the bus now, before the first sync's answer, so the start-up preload sees it.
  const lifecycle = createLifecycleFeature({ bus, jobs, session: () => session, gateway });
  // Loading models into memory is the app's habit, not a command's side effect.
  if (options.passive) lifecycle.preloader.stop();
  let modelfileWatcher = watchModelfiles(session, bus);
  // A model left `creating` by a previous run that died mid-build.
  const recoverCreates = (current: WorkspaceSession): void =>
    void recoverInterruptedCreates(current.store, (name) => jobs.active(createJobKey(name)) !== null).catch((error: unknown) =>
      console.warn(`[jobs] could not reset models left creating: ${String(error)}`),
    );
  if (!options.passive) recoverCreates(session);

  // One cache of /api/show answers (by digest) for the facts calls and for capability checks.
  const showCache = new ShowCache({ dir: options.dataDir });
  const facts = factsService({ gateway, cache: showCache });
  const capabilities = capabilityLookup((host) => (host === undefined ? facts : factsService({ gateway: () => pool.gateway(host), cache: showCache })));

  const chat = createChatFeature({
    mode: options.mode,
    dataDir: options.dataDir,
    bus,
    ollamaLink: link,
    // The host that has the model, the primary first; the reply and the proxy say which answered.
    hosts: {
      having: (model) => pickHost(pool.snapshots(), model),
      route: (model) => {
        const name = pickHost(pool.snapshots(), model) ?? pool.primaryName();
        return { name, link: pool.link(name) };
      },
    },
    registry: () => session.store.get().registry,
    settings,
    capabilities,
  });

  const updates = createUpdatesFeature({
    mode: options.mode,
    packaged: Boolean(options.packagedResources),
    ...(options.updater ? { updater: options.updater } : {}),
    settings,
    bus,
    jobs: () => jobs.list(),
  });
  if (!options.passive) updates.start();

  let lastFocusSync = 0;

  const handlers: Handlers = {
    'app.info': async () => ({ name: 'Modelwright', version: options.appVersion, mode: options.mode, platform: process.platform }),
    'app.reportError': errorReportHandler(options.errorLog ?? { write: (entry) => console.error(entry), folder: null }),
    'registry.get': async () => session.store.get(),
    'models.add': async ({ entry }) => session.store.addModel(entry),
    'models.update': async ({ name, patch }) => session.store.updateModel(name, patch),
    'models.setDefault': async ({ name }) => session.store.setDefault(name),
    'sync.get': async () => session.sync.get(),
    'sync.now': async () => session.sync.syncNow(),
    'ollama.running': async () => gateway().running(),
    'ollama.show': async ({ model }) => gateway().show(model),
    'settings.get': async () => settings.get(),
    'settings.update': async ({ ollamaHost, ollamaTimeouts }) => {
      if (ollamaHost) {
        const problem = hostProblem(ollamaHost);
        if (problem) throw new AppError('validation', `Ollama host: ${problem}`, [{ path: 'ollamaHost', message: problem }]);
      }
      const next = settings.update({ ...(ollamaHost === undefined ? {} : { ollamaHost }), ...(ollamaTimeouts ? { ollamaTimeouts } : {}) });
      bus.emit('settings.changed', next);
      pool.reconcile();
      bus.emit('hosts.changed', pool.list());
      // A new host means a new truth about which models exist.
      primaryChanged();
      return next;
    },
    ...modelfileHandlers({ session: () => session, watcher: () => modelfileWatcher }),
    ...jobHandlers({ jobs, session: () => session, gateway, link, primaryHost: () => pool.primaryName() }),
    ...chat.handlers,
    ...lifecycle.handlers,
    ...modelOpsHandlers({ session: () => session, gateway, jobs }),
    ...releaseHandlers({ session: () => session, gateway, jobs }),
    ...evalHandlers({
      session: () => session,
      gateway,
      link,
      jobs,
      bus,
      conversation: (id) => chat.service.get(id),
      capabilities,
      appVersion: options.appVersion,
    }),
    ...hostHandlers({
      pool,
      tokens,
      bus,
      config: () => settings.hostsConfig(),
      save: (config) => void settings.updateHosts(config),
      primaryUrl: () => settings.get().effectiveHost,
      primaryChanged,
    }),
    ...updates.handlers,
    'cli.addToPath': async () =>
      addCliToPath({ mode: options.mode, platform: process.platform, resources: options.packagedResources ?? null, home: os.homedir(), env: options.env }),
    ...factsHandlers(facts),
    ...deployHandlers({
      hosts: () => pool,
      session: () => session,
      jobs,
    }),
    'workspace.open': async ({ path }) => {
      const dir = resolve(path);
      if (!isAbsolute(path)) {
        throw new AppError('validation', `Give the workspace as a full path (got "${path}")`, [
          { path: 'path', message: 'must be an absolute path' },
        ]);
      }
      if (existsSync(dir) && !statSync(dir).isDirectory()) {
        throw new AppError('validation', `${dir} is a file, not a folder`, [{ path: 'path', message: 'must be a folder' }]);
      }
      const next = openSession(dir);
      session.close();
      modelfileWatcher.close();
      session = next;
      modelfileWatcher = watchModelfiles(session, bus);
      recoverCreates(session);
      const nextSettings = settings.update({ workspace: dir });
      bus.emit('settings.changed', nextSettings);
      const snapshot = session.store.get();
      bus.emit('registry.changed', snapshot);
      syncInBackground(session);
      return snapshot;
    },
  };

  // The desktop local API serves the whole table, so it starts once the table is complete.
  await chat.attach(handlers);

  return {
    handlers,
    bus,
    session: () => session,
    gateway,
    jobs,
    chat,
    lifecycle,
    connection,
    hosts: pool,
    async syncSoon() {
      const now = Date.now();
      if (now - lastFocusSync < FOCUS_SYNC_MIN_INTERVAL_MS) return;
      lastFocusSync = now;
      await session.sync.syncNow().catch(() => undefined);
    },
    async stop() {
      updates.stop();
      connection.stop();
      pool.stop();
      // Jobs first: a create cut short puts its model's status back before the session closes.
      await jobs.shutdown();
      await chat.stop();
      lifecycle.stop();
      modelfileWatcher.close();
      session.close();
    },
  };
}
