import type { RegistrySnapshot } from '../../shared/contract';
import type { EventBus } from '../events';
import type { RegistryEngineFactory } from './engine';
import type { SettleOptions } from './settle';

/** How a RegistryStore is set up (everything but the workspace has a default). */
export interface RegistryStoreOptions {
  /** The workspace folder; the registry is `<workspace>/model_settings.json`. */
  workspace: string;
  /** What writes the file (the registry's atomic writer; tests wrap it). */
  engine?: RegistryEngineFactory;
  bus?: EventBus;
  onChange?: (snapshot: RegistrySnapshot) => void;
  clock?: () => Date;
  /** Watch the folder for edits by other programs (default true). */
  watch?: boolean;
  watchDebounceMs?: number;
  log?: (message: string) => void;
  /** How long a write waits for another program's write to finish (default 5 s). */
  lockWaitMs?: number;
  /** When a lock left behind by a program that died is taken over (default 4 s). */
  lockStaleMs?: number;
  /** How a file that fails to parse right after a change is given time to settle. */
  settle?: SettleOptions;
}
