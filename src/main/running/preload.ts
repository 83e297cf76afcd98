import { randomUUID } from 'node:crypto';
import type { OllamaModel, SyncState } from '../../shared/contract';
import { toAppError } from '../../shared/errors';
import type { Job } from '../../shared/jobs';
import type { PreloadOutcome } from '../../shared/lifecycle';
import { modelKey } from '../../shared/model-name';
import type { EventBus } from '../events';
import type { OllamaGateway } from '../ollama/types';
import { findModelKey } from '../registry/operations';
import type { WorkspaceSession } from '../services/workspace-session';
import { explainLoadError, type RunningModels } from './running-models';
import { ownValue } from '../../shared/own-key';

/**
 * Models marked `auto_preload` are loaded into memory once Ollama first answers a sync (at app
 * start, and when another workspace is opened) and after a create of that model succeeds. It
 * listens to the events the sync and the jobs publish anyway, so neither knows about it.
 *
 * Loads run one at a time (Ollama would otherwise evict one to fit the next), with Ollama's
 * default keep_alive (OLLAMA_KEEP_ALIVE, 5 minutes unless the user set it). A preload never
 * touches the registry: a failure is an outcome with its reason, announced as `preload.finished`,
 * and the model's status stays what sync and jobs say.
 */

export interface PreloaderDeps {
  bus: EventBus;
  gateway: () => OllamaGateway;
  session: () => WorkspaceSession;
  running: RunningModels;
  now?: () => Date;
}

/** Outcomes kept for `preload.list` (a window opened later still learns why a preload failed). */
const KEPT_OUTCOMES = 50;

export class Preloader {
  private readonly outcomes: PreloadOutcome[] = [];
  private queue: Promise<void> = Promise.resolve();
  /** The workspace whose start-up preload ran: once per opened workspace. */
  private preloadedWorkspace: string | null = null;
  private readonly seenJobs = new Set<string>();
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(private readonly deps: PreloaderDeps) {
    this.unsubscribe = deps.bus.subscribe((event, payload) => {
      if (event === 'sync.changed') this.onSync(payload as SyncState);
      else if (event === 'job.updated') this.onJob(payload as Job);
    });
  }

  /** Newest first. */
  list(): PreloadOutcome[] {
    return [...this.outcomes];
  }

  /** Resolves when every preload asked for so far has ended (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
  }

  private onSync(state: SyncState): void {
    if (state.connection.status !== 'online') return;
    const session = this.deps.session();
    if (this.preloadedWorkspace === session.dir) return;
    this.preloadedWorkspace = session.dir;
    const registry = session.store.get().registry;
    for (const entry of Object.values(registry.models)) {
      if (entry.auto_preload) this.enqueue(entry.name, 'startup', state.ollamaModels);
    }
  }

  private onJob(job: Job): void {
    // A build on another host loads nothing here: its preload, if any, is that host's (apply plans it).
    if (job.kind !== 'create' || job.state !== 'succeeded' || job.host || this.seenJobs.has(job.id)) return;
    this.seenJobs.add(job.id);
    const registry = this.deps.session().store.get().registry;
    const key = findModelKey(registry, job.target);
    if (key !== undefined && ownValue(registry.models, key)?.auto_preload) this.enqueue(key, 'create', null);
  }

  /** `present`: what Ollama has, when known; a model it lacks is skipped rather than failed. */
  private enqueue(model: string, trigger: PreloadOutcome['trigger'], present: readonly OllamaModel[] | null): void {
    this.queue = this.queue.then(() => this.preload(model, trigger, present));
  }

  private async preload(model: string, trigger: PreloadOutcome['trigger'], present: readonly OllamaModel[] | null): Promise<void> {
    if (this.stopped) return;
    if (present && !present.some((m) => modelKey(m.name) === modelKey(model))) {
      const status = ownValue(this.deps.session().store.get().registry.models, model)?.status ?? 'unknown';
      this.record(model, trigger, 'skipped', `Ollama does not have it yet (status: ${status}); create it first.`);
      return;
    }
    try {
      await this.deps.gateway().load(model);
      this.record(model, trigger, 'loaded', null);
    } catch (error) {
      const appError = explainLoadError(model, error);
      this.record(model, trigger, 'failed', toAppError(appError).message);
    }
    if (!this.stopped) await this.deps.running.refresh();
  }

  private record(model: string, trigger: PreloadOutcome['trigger'], state: PreloadOutcome['state'], reason: string | null): void {
    const outcome: PreloadOutcome = {
      id: randomUUID(),
      model,
      trigger,
      state,
      reason,
      at: (this.deps.now ?? (() => new Date()))().toISOString(),
    };
    this.outcomes.unshift(outcome);
    this.outcomes.length = Math.min(this.outcomes.length, KEPT_OUTCOMES);
    if (state === 'failed') console.warn(`[preload] ${model}: ${reason ?? 'failed'}`);
    this.deps.bus.emit('preload.finished', outcome);
  }
}
