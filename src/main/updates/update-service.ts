import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { Job } from '../../shared/jobs';
import type { UpdateState } from '../../shared/updates';
import { msUntilUpdateCheck, restartVerdict, type RestartVerdict, type UpdateCheckContext } from '../../shared/update-policy';

export type { UpdateState } from '../../shared/updates';

/** The part of electron-updater's AppUpdater this service uses (a fake in tests needs only this). */
export type Updater = Pick<AppUpdater, 'checkForUpdates' | 'quitAndInstall' | 'on'>;

export interface UpdateServiceOptions {
  updater: Updater;
  /** Mode, packaged and the setting, read at each check (the setting can change at any time). */
  context: () => Omit<UpdateCheckContext, 'lastCheckAt' | 'now'>;
  jobs: () => readonly Pick<Job, 'kind' | 'target' | 'state'>[];
  now?: () => number;
  /** Called whenever the state changes (found, downloaded). */
  onChange?: (state: UpdateState) => void;
  log?: (message: string) => void;
}

/** Release notes as electron-updater gives them (text, HTML from GitHub, or one entry per version), as text. */
export function releaseNotesText(notes: UpdateInfo['releaseNotes']): string {
  if (!notes) return '';
  const text = typeof notes === 'string' ? notes : notes.map((n) => `${n.version}: ${n.note ?? ''}`).join('\n\n');
  return text.replace(/<[^>]*>/g, '').trim();
}

/**
 * Looks for a new version when the policy says so (src/shared/update-policy.ts), remembers what
 * it found and what was downloaded (electron-updater downloads in the background once it finds
 * one), and restarts into it only when no job would be cut short.
 */
export class UpdateService {
  private current: UpdateState = { kind: 'none' };
  private lastCheckAt: number | null = null;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: UpdateServiceOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((message) => console.warn(`[updates] ${message}`));
    options.updater.on('update-available', (info: UpdateInfo) => {
      if (this.current.kind === 'none') this.set({ kind: 'available', version: info.version, notes: releaseNotesText(info.releaseNotes) });
    });
    options.updater.on('update-downloaded', (info: UpdateInfo) => {
      this.set({ kind: 'ready', version: info.version, notes: releaseNotesText(info.releaseNotes) });
    });
    // An updater's EventEmitter throws on an 'error' nobody listens to; a failed check or
    // download is only logged and tried again at the next due time.
    options.updater.on('error', (error: Error) => this.log(`update check or download failed: ${error.message}`));
  }

  state(): UpdateState {
    return this.current;
  }

  /** When the feed was last asked (ms since the epoch), or null. */
  lastChecked(): number | null {
    return this.lastCheckAt;
  }

  /** Milliseconds until the next check is due; null when this app never checks. */
  msUntilDue(): number | null {
    return msUntilUpdateCheck({ ...this.options.context(), lastCheckAt: this.lastCheckAt, now: this.now() });
  }

  /** Checks if one is due; a failed check (offline, say) is retried at the next due time, quietly. */
  async checkIfDue(): Promise<UpdateState> {
    if (this.msUntilDue() !== 0) return this.current;
    this.lastCheckAt = this.now();
    const result = await this.options.updater.checkForUpdates().catch(() => null);
    // The background download is electron-updater's; its failure arrives as an 'error' event too.
    void result?.downloadPromise?.catch(() => undefined);
    if (result?.isUpdateAvailable && this.current.kind === 'none') {
      this.set({ kind: 'available', version: result.updateInfo.version, notes: releaseNotesText(result.updateInfo.releaseNotes) });
    }
    return this.current;
  }

  /** "Restart to update": refused while a job is unfinished, and when nothing is downloaded. */
  restart(): RestartVerdict {
    if (this.current.kind !== 'ready') return { allowed: false, reason: 'No update has been downloaded yet.' };
    const verdict = restartVerdict(this.options.jobs());
    if (verdict.allowed) this.options.updater.quitAndInstall();
    return verdict;
  }

  private set(state: UpdateState): void {
    this.current = state;
    this.options.onChange?.(state);
  }
}
