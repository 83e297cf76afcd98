import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { HostView } from '../../shared/hosts/host-config';
import { addHost, findHostName, removeHost, sameHostName, setPrimary, updateHost, type HostsConfig } from '../../shared/hosts/host-list';
import type { EventBus } from '../events';
import type { HostPoolService } from './host-pool-service';
import type { HostTokens } from './host-tokens';

/**
 * The contract calls that change the hosts in Settings. Each checks the change with the rules in
 * shared/hosts/host-list, keeps the token first (so a token that cannot be kept changes nothing),
 * stores the hosts, rebuilds the pool and announces `hosts.changed`.
 */

export interface HostHandlerDeps {
  pool: HostPoolService;
  tokens: HostTokens;
  bus: EventBus;
  config: () => HostsConfig;
  save: (config: HostsConfig) => void;
  primaryUrl: () => string;
  /** The primary's address changed (its URL, or another host became the primary): a new truth about the registry's statuses. */
  primaryChanged: () => void;
}

type HostCallName = 'hosts.list' | 'hosts.add' | 'hosts.update' | 'hosts.remove' | 'hosts.setPrimary';

export function hostHandlers(deps: HostHandlerDeps): Pick<Handlers, HostCallName> {
  const commit = (next: HostsConfig, primaryMoved: boolean): HostView[] => {
    deps.save(next);
    deps.pool.reconcile();
    if (primaryMoved) deps.primaryChanged();
    const views = deps.pool.list();
    deps.bus.emit('hosts.changed', views);
    return views;
  };

  return {
    'hosts.list': async () => deps.pool.list(),
    'hosts.add': async ({ name, url, token }) => {
      const next = addHost(deps.config(), { name, url }, deps.primaryUrl());
      if (token !== undefined) deps.tokens.set(name.trim(), token);
      return commit(next, false);
    },
    'hosts.update': async ({ name, rename, url, token }) => {
      const before = deps.config();
      const next = updateHost(before, { name, rename, url }, deps.primaryUrl());
      const current = findHostName(before, name) ?? name;
      const finalName = rename ?? current;
      if (rename !== undefined) deps.tokens.rename(current, rename);
      if (token !== undefined) deps.tokens.set(finalName, token);
      // A new URL or token for the primary: what it answers now may differ (a 401 before, say).
      const primaryMoved = sameHostName(current, before.primary.name) && ((url !== undefined && next.primary.url !== before.primary.url) || token !== undefined);
      return commit(next, primaryMoved);
    },
    'hosts.remove': async ({ name }) => {
      const next = removeHost(deps.config(), name);
      forgetToken(deps.tokens, name);
      return commit(next, false);
    },
    'hosts.setPrimary': async ({ name }) => {
      const before = deps.config();
      const next = setPrimary(before, name, deps.primaryUrl());
      return commit(next, next !== before);
    },
  };
}

/** A removed host's token goes too; one that comes from the environment is the environment's business. */
function forgetToken(tokens: HostTokens, name: string): void {
  try {
    tokens.set(name, null);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}
