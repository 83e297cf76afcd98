import type { ConnectionState } from '../../../src/shared/connection-state';
import { AppError, toAppError } from '../../../src/shared/errors';
import type { HostView } from '../../../src/shared/hosts/host-config';
import type { HostPool, HostSnapshot } from '../../../src/main/hosts/host-pool';
import { createOllamaGateway } from '../../../src/main/ollama/gateway';
import { createOllamaLink, type OllamaLink } from '../../../src/main/ollama/ollama-link';
import type { OllamaGateway } from '../../../src/main/ollama/types';

/**
 * A HostPool over several fake Ollamas, for deploy tests until the hosts service's pool lands:
 * each host its own link and gateway; refresh lists models and loaded models (/api/ps unless
 * told not to; the version is asked once, and again after a failure, as the sync does), and a
 * host that fails is offline with the reason, its models unknown.
 */
export function testHostPool(hosts: readonly { name: string; url: string; primary?: boolean }[], timeouts?: OllamaLink['timeouts']): HostPool {
  const byName = new Map(
    hosts.map((host) => {
      const link = createOllamaLink(host.url, timeouts);
      const gateway = createOllamaGateway(link.host, { fetch: link.fetch, timeouts: link.timeouts });
      const unknown: ConnectionState = { status: 'unknown', host: link.host, version: null, canCreate: false, warnings: [], message: null, checkedAt: null };
      const snapshot: HostSnapshot = { name: host.name, primary: host.primary ?? false, connection: unknown, models: null, running: null, checkedAt: null };
      return [host.name, { link, gateway, snapshot } as { link: OllamaLink; gateway: OllamaGateway; snapshot: HostSnapshot }] as const;
    }),
  );
  const listeners = new Set<(host: string) => void>();
  const get = (name: string) => {
    const host = byName.get(name);
    if (!host) throw new AppError('not_found', `There is no host named "${name}".`);
    return host;
  };
  const primary = hosts.find((h) => h.primary)?.name ?? hosts[0]!.name;
  return {
    list: (): HostView[] =>
      [...byName.values()]
        .sort((a, b) => Number(b.snapshot.primary) - Number(a.snapshot.primary))
        .map(({ link, snapshot }) => ({ name: snapshot.name, url: link.host, effectiveUrl: link.host, primary: snapshot.primary, hasToken: false, connection: snapshot.connection })),
    primaryName: () => primary,
    has: (name) => byName.has(name),
    gateway: (name) => get(name).gateway as OllamaGateway,
    link: (name) => get(name).link,
    snapshot: (name) => get(name).snapshot,
    async refresh(name, options = {}) {
      const host = get(name);
      const checkedAt = new Date().toISOString();
      try {
        const known = host.snapshot.connection.status === 'online' ? host.snapshot.connection.version : null;
        const askRunning = options.running ?? true;
        const [version, models, running] = await Promise.all([known ?? host.gateway.version(), host.gateway.list(), askRunning ? host.gateway.running() : host.snapshot.running]);
        host.snapshot = { ...host.snapshot, connection: { ...host.snapshot.connection, status: 'online', version, canCreate: true, message: null, checkedAt }, models, running, checkedAt };
      } catch (error) {
        const appError = toAppError(error);
        host.snapshot = { ...host.snapshot, connection: { ...host.snapshot.connection, status: appError.kind === 'offline' ? 'offline' : 'error', message: appError.message, checkedAt }, models: null, running: null, checkedAt };
      }
      for (const listener of listeners) listener(name);
      return host.snapshot;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
