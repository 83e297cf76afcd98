import type { ConnectionState } from '../../shared/connection-state';
import type { OllamaModel } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import type { HostView } from '../../shared/hosts/host-config';
import { versionAdvice } from '../../shared/ollama-version';
import type { HostPool, HostSnapshot } from '../hosts/host-pool';
import type { OllamaLink } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';

/**
 * A HostPool of one host, the primary, over the app's single gateway and link: what deploy runs
 * on until the real pool (several hosts from settings) is wired in. Its refresh asks Ollama
 * itself rather than running a sync, so a plan never rewrites the registry's statuses (the
 * command line must leave a CI checkout clean).
 */
export interface PrimaryPoolDeps {
  view: () => HostView;
  gateway: () => OllamaGateway;
  link: () => OllamaLink;
  /** What the workspace sync last saw, until this pool refreshes on its own. */
  synced: () => { connection: ConnectionState; models: OllamaModel[] };
  /** Called back when the sync sees something new; returns an unsubscribe function. */
  subscribe?: (listener: () => void) => () => void;
  now?: () => Date;
}

export function primaryOnlyPool(deps: PrimaryPoolDeps): HostPool {
  let own: HostSnapshot | null = null;
  const listeners = new Set<(host: string) => void>();
  const name = () => deps.view().name;
  const require = (host: string): void => {
    if (host !== name()) throw new AppError('not_found', `There is no host named "${host}". The hosts are: ${name()}.`);
  };
  const fromSync = (): HostSnapshot => {
    const { connection, models } = deps.synced();
    return { name: name(), primary: true, connection, models: connection.status === 'online' ? models : null, running: null, checkedAt: connection.checkedAt };
  };
  deps.subscribe?.(() => {
    own = null;
    for (const listener of listeners) listener(name());
  });
  return {
    list: () => [deps.view()],
    primaryName: name,
    has: (host) => host === name(),
    gateway(host) {
      require(host);
      return deps.gateway();
    },
    link(host) {
      require(host);
      return deps.link();
    },
    snapshot(host) {
      require(host);
      return own ?? fromSync();
    },
    async refresh(host) {
      require(host);
      const gateway = deps.gateway();
      const checkedAt = (deps.now ?? (() => new Date()))().toISOString();
      try {
        const [version, models, running] = await Promise.all([gateway.version(), gateway.list(), gateway.running()]);
        const advice = versionAdvice(version);
        const connection: ConnectionState = { status: 'online', host: gateway.host, version, canCreate: advice.canCreate, warnings: advice.warnings, message: null, checkedAt };
        own = { name: name(), primary: true, connection, models, running, checkedAt };
      } catch (error) {
        const appError = toAppError(error);
        const connection: ConnectionState = {
          status: appError.kind === 'offline' ? 'offline' : 'error',
          host: gateway.host,
          version: null,
          canCreate: false,
          warnings: [],
          message: appError.message,
          checkedAt,
        };
        own = { name: name(), primary: true, connection, models: null, running: null, checkedAt };
      }
      for (const listener of listeners) listener(name());
      return own;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
