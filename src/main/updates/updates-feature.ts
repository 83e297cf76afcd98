import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Job } from '../../shared/jobs';
import type { UpdatesStatus } from '../../shared/updates';
import type { EventBus } from '../events';
import { UpdateService, type Updater } from './update-service';

/**
 * The desktop app's updates as contract calls: the setting (kept in the app's settings file under
 * one key), the check at start and then daily while the app runs, the `updates.changed` event when
 * a version is found or downloaded, and the refused-or-done restart. In headless mode, and in a
 * build run from the repository, nothing is ever checked: the handlers only say why.
 */

export const UPDATES_SETTINGS_KEY = 'updates';

export type UpdatesHandlers = Pick<Handlers, 'updates.get' | 'updates.setEnabled' | 'updates.restart'>;

export interface UpdatesFeatureOptions {
  mode: 'desktop' | 'headless';
  /** A packaged app (electron-builder): only it has a feed to ask (`app-update.yml` in its resources). */
  packaged: boolean;
  /** electron-updater's updater, made at the first check (it needs Electron). Absent: never checks. */
  updater?: () => Promise<Updater>;
  settings: { readKey(key: string): unknown; writeKey(key: string, value: unknown): void };
  bus: EventBus;
  jobs: () => readonly Pick<Job, 'kind' | 'target' | 'state'>[];
  now?: () => number;
  log?: (message: string) => void;
}

export interface UpdatesFeature {
  handlers: UpdatesHandlers;
  /** Schedules the first check (at once when due) and the daily ones. */
  start(): void;
  stop(): void;
}

function inactiveReason(options: UpdatesFeatureOptions): string | null {
  if (options.mode === 'headless') return 'The headless server never updates itself: update Modelwright where it is installed (git pull, then npm run build).';
  if (!options.packaged || !options.updater) return 'This copy was built from the source code: update it with git pull, then build it again.';
  return null;
}

export function createUpdatesFeature(options: UpdatesFeatureOptions): UpdatesFeature {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.warn(`[updates] ${message}`));
  const reason = inactiveReason(options);
  let service: UpdateService | null = null;
  let making: Promise<UpdateService> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;

  const enabled = (): boolean => {
    const stored = options.settings.readKey(UPDATES_SETTINGS_KEY);
    // Only an explicit `false` turns them off: a missing or odd value keeps the default (on).
    return !(typeof stored === 'object' && stored !== null && (stored as { enabled?: unknown }).enabled === false);
  };

  const status = (): UpdatesStatus => {
    const last = service?.lastChecked() ?? null;
    return { enabled: enabled(), inactiveReason: reason, state: service?.state() ?? { kind: 'none' }, lastCheckAt: last === null ? null : new Date(last).toISOString() };
  };
  const announce = (): void => options.bus.emit('updates.changed', status());

  const serviceNow = (): Promise<UpdateService> => {
    if (service) return Promise.resolve(service);
    making ??= options.updater!().then((updater) => {
      service = new UpdateService({
        updater,
        context: () => ({ mode: options.mode, packaged: options.packaged, enabled: enabled() }),
        jobs: options.jobs,
        now,
        onChange: announce,
        log,
      });
      return service;
    });
    return making;
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || reason !== null || !enabled()) return;
    const wait = service?.msUntilDue() ?? 0;
    if (wait === null) return;
    timer = setTimeout(() => void tick(), wait);
    // A pending check never keeps the process alive.
    timer.unref?.();
  };

  const tick = async (): Promise<void> => {
    timer = null;
    try {
      const current = await serviceNow();
      await current.checkIfDue();
      announce();
    } catch (error) {
      log(`could not check for updates: ${error instanceof Error ? error.message : String(error)}`);
    }
    schedule();
  };

  const handlers: UpdatesHandlers = {
    'updates.get': async () => status(),
    'updates.setEnabled': async ({ enabled: on }) => {
      options.settings.writeKey(UPDATES_SETTINGS_KEY, { enabled: on });
      schedule();
      const next = status();
      options.bus.emit('updates.changed', next);
      return next;
    },
    'updates.restart': async () => {
      if (reason !== null) throw new AppError('conflict', reason);
      const verdict = service?.restart() ?? { allowed: false as const, reason: 'No update has been downloaded yet.' };
      if (!verdict.allowed) throw new AppError('conflict', verdict.reason);
      return { restarting: true as const };
    },
  };

  return {
    handlers,
    start() {
      stopped = false;
      schedule();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
