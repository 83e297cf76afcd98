import type { AppInfo } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';
import { watchForReturn } from './watch-for-return';

/**
 * What the store should hold once a start-up answer is in: what changed meanwhile (an event, an
 * action) is newer and stays; so does a seeded value the answer only repeats, so that the page
 * the server rendered is not rendered again for nothing.
 */
function newer<T>(current: T | null, seen: T | null, answer: ActionResult<T>, seeded: boolean): T | null {
  if (!answer.ok) return current;
  if (current !== seen) return current ?? answer.value;
  if (seeded && current !== null && JSON.stringify(current) === JSON.stringify(answer.value)) return current;
  return answer.value;
}

export type Startup = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: AppError };

export interface StartupSlice {
  startup: Startup;
  appInfo: AppInfo | null;
  /**
   * Subscribes to events, loads everything, syncs, and syncs again when the user returns. Returns
   * the undo. Shared: the entry starts it before the UI's code loads and App joins it, so a second
   * call neither subscribes nor loads again; the last undo stops it.
   */
  init(): () => void;
  /** Loads app info, registry, sync state and settings (the registry is required to start), then syncs. */
  load(): Promise<void>;
}

/** One start-up session however many callers: the first init starts it, the last undo stops it. */
function sharedInit(slice: StartupSlice): StartupSlice {
  let session: { users: number; stop: () => void } | null = null;
  return {
    ...slice,
    init() {
      const joined = (session ??= { users: 0, stop: slice.init() });
      joined.users += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        joined.users -= 1;
        if (joined.users > 0 || session !== joined) return;
        session = null;
        joined.stop();
      };
    },
  };
}

export const createStartupSlice: SliceCreator<StartupSlice> = (env) => (set, get) => sharedInit({
  startup: { status: 'loading' },
  appInfo: null,
  init() {
    // Subscribe before loading, so nothing that changes in between is missed.
    const unsubscribe = [
      env.client.on('registry.changed', (snapshot) => {
        get().receiveSnapshot(snapshot);
        get().refreshMatrixSoon();
      }),
      env.client.on('sync.changed', (state) => get().receiveSync(state)),
      env.client.on('settings.changed', (settings) => get().receiveSettings(settings)),
      env.client.on('job.updated', (job) => {
        get().receiveJob(job, 'event');
        // Jobs on a host and applies change where models are: the matrix is read again.
        get().receiveHostJob(job);
      }),
      env.client.on('modelfile.changed', (change) => get().receiveModelfileChange(change)),
      env.client.on('chat.delta', (delta) => get().receiveChatDelta(delta)),
      env.client.on('chat.end', (end) => get().receiveChatEnd(end)),
      env.client.on('localApi.changed', (state) => get().receiveLocalApi(state)),
      env.client.on('hosts.changed', (hosts) => get().receiveChatHosts(hosts)),
      // ---------- lifecycle ----------
      env.client.on('running.changed', (list) => get().receiveRunning(list)),
      env.client.on('preload.finished', (outcome) => get().receivePreload(outcome, 'event')),
      // ---------- evaluations ----------
      env.client.on('evals.runChanged', (change) => get().receiveEvalRunChanged(change)),
      // ---------- hosts and deploy ----------
      env.client.on('hosts.changed', (hosts) => get().receiveHosts(hosts)),
      env.client.on('hosts.stateChanged', () => get().refreshMatrixSoon()),
      // ---------- desktop ----------
      env.client.on('menu.command', ({ command }) => get().runCommand(command)),
      env.client.on('notification.clicked', (clicked) => get().openNotified(clicked)),
      // ---------- updates ----------
      env.client.on('updates.changed', (status) => get().receiveUpdates(status)),
    ];
    const stopWatching = watchForReturn(env.window, () => {
      if (get().startup.status === 'ready') get().syncIfStale();
    });
    void get().load();
    return () => {
      for (const off of unsubscribe) off();
      stopWatching();
    };
  },
  async load() {
    // Started from the server's first page: it is already showing; this refreshes it in the background.
    const seeded = get().startup.status === 'ready';
    if (!seeded) set({ startup: { status: 'loading' } });
    const before = get();
    const { client } = env;
    const [info, snapshot, sync, settings] = await Promise.all([
      attempt(() => client.call('app.info', {})),
      attempt(() => client.call('registry.get', {})),
      attempt(() => client.call('sync.get', {})),
      attempt(() => client.call('settings.get', {})),
    ]);
    const results = [info, snapshot, sync, settings];
    const forbidden = results.find((r) => !r.ok && r.error.kind === 'forbidden');
    if (!seeded) {
      if (forbidden && !forbidden.ok) return set({ startup: { status: 'failed', error: forbidden.error } });
      if (!snapshot.ok) return set({ startup: { status: 'failed', error: snapshot.error } });
    } else if (!snapshot.ok) get().notifyError('Could not read the registry again', snapshot.error, 'registry');

    // An event that arrived while loading is newer than the answer loaded: keep it.
    const state = get();
    set({
      startup: { status: 'ready' },
      appInfo: info.ok ? info.value : state.appInfo,
      snapshot: newer(state.snapshot, before.snapshot, snapshot, seeded),
      sync: newer(state.sync, before.sync, sync, seeded),
      settings: newer(state.settings, before.settings, settings, seeded),
    });
    if (!info.ok) get().notifyError('Could not read the app version', info.error);
    if (!sync.ok) get().notifyError('Could not read the Ollama connection state', sync.error, 'sync');
    if (!settings.ok) get().notifyError('Could not load the settings', settings.error, 'settings');
    get().syncIfStale();
    void get().loadJobs();
    void get().loadPreloadOutcomes();
    void get().loadHosts();
    void get().loadUpdates();
  },
});
