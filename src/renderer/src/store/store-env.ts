import type { ApiClient } from '../../../shared/contract';

/** What the store needs from outside; tests pass fakes. */
export interface StoreEnv {
  client: ApiClient;
  /** Focus and visibility changes trigger a sync. */
  window: Window;
  /** Where the theme choice is kept between runs; null when storage is unavailable. */
  storage: Storage | null;
  now(): number;
}
