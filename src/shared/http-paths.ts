import type { CallName } from './contract';

/**
 * Where the headless server answers calls and events. Apart from the contract (which re-exports
 * them) so the page's first module can ask for data before zod and the contract are loaded.
 */
export const HTTP_RPC_PREFIX = '/rpc/';
export const HTTP_EVENTS_PATH = '/events';

/** The route of one call: `POST /rpc/models.create`. */
export function httpRoute(name: CallName): string {
  return `${HTTP_RPC_PREFIX}${name}`;
}
