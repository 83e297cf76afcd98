import type { ConnectionState } from '../../shared/connection-state';
import type { OllamaModel, RunningModel } from '../../shared/contract';
import type { HostView } from '../../shared/hosts/host-config';
import type { OllamaLink } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';

/**
 * Every configured Ollama host, each with its own link (connection pool, limits, bearer token),
 * gateway and connection state, synced on its own: one host down never changes another's state.
 * The primary's listing is the workspace sync's (which writes each entry's `status`); the other
 * hosts' listings live only here, in memory, and are never written as statuses.
 */

export interface HostSnapshot {
  name: string;
  primary: boolean;
  connection: ConnectionState;
  /** What /api/tags last said; null until it first answered and while the host is offline (never read as "missing"). */
  models: OllamaModel[] | null;
  /** What /api/ps last said; null when unknown. */
  running: RunningModel[] | null;
  checkedAt: string | null;
}

export interface RefreshOptions {
  /**
   * Ask /api/ps too (default true). A plan with nothing to preload does without: the snapshot
   * then keeps what /api/ps last said. A refresh under way that asks it is joined either way.
   */
  running?: boolean;
}

export interface HostPool {
  /** The hosts, the primary first. */
  list(): HostView[];
  primaryName(): string;
  has(name: string): boolean;
  /** Throws a not_found AppError naming the known hosts when there is no such host. */
  gateway(name: string): OllamaGateway;
  link(name: string): OllamaLink;
  snapshot(name: string): HostSnapshot;
  /** List the host's models and loaded models now (a host that fails is marked offline, its last listing kept aside). */
  refresh(name: string, options?: RefreshOptions): Promise<HostSnapshot>;
  /** Called with a host's name when its listing or connection changes. */
  onChange(listener: (host: string) => void): () => void;
}
