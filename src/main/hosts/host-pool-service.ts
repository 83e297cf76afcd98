import { createHash } from 'node:crypto';
import type { RunningModel, SyncState } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { HostView } from '../../shared/hosts/host-config';
import { hostNames, sameHostName, type HostsConfig } from '../../shared/hosts/host-list';
import { connectableOllamaHost } from '../../shared/ollama-host';
import { ConnectionMonitor } from '../connection/connection-monitor';
import { VersionProbe, type Probe } from '../connection/version-probe';
import type { EventBus } from '../events';
import { offlineError } from '../ollama/errors';
import { createOllamaGateway, type CallObserver } from '../ollama/gateway';
import { createOllamaLink, headersAddedBy, type OllamaLink, type OllamaTimeouts } from '../ollama/ollama-link';
import type { OllamaGateway } from '../ollama/types';
import type { HostPool, HostSnapshot, RefreshOptions } from './host-pool';
import { answeredSnapshot, failedSnapshot, primarySnapshot, snapshotFingerprint, unknownSnapshot } from './host-snapshot';
import type { HostTokens } from './host-tokens';

/**
 * The HostPool: one link, gateway and (for the non-primary hosts) ConnectionMonitor and timer
 * per host, rebuilt only for a host whose address, limits or token changed. The primary's
 * connection and listing are the workspace sync's (it owns the registry's statuses and the app's
 * main connection monitor); every other host is listed on its own timer and on `refresh`, so a
 * host that fails changes only its own snapshot.
 */

export interface HostPoolOptions {
  config: () => HostsConfig;
  /** The primary's URL in use (its setting, else OLLAMA_HOST, else the default). */
  primaryUrl: () => string;
  timeouts: () => OllamaTimeouts;
  tokens: HostTokens;
  bus: EventBus;
  /** The workspace sync: the primary's connection and listing. */
  sync: () => SyncState;
  syncNow: () => Promise<SyncState>;
  /** Told how each call to the primary went (the app's main connection monitor). */
  primaryObserver: CallObserver;
  /** The other hosts are listed this often; null: only on `refresh` (the command line). */
  intervalMs: number | null;
  /**
   * How `refresh` of the primary asks: `sync` runs the workspace sync (which writes the registry's
   * statuses, as the app always does); `direct` asks Ollama itself and writes nothing (the
   * command line, which must leave a CI checkout clean). Default `sync`.
   */
  primaryRefresh?: 'sync' | 'direct';
  /** Test seam for the other hosts' monitors. */
  probe?: (onIdleClose: () => void) => Probe;
  now?: () => Date;
}

interface Member {
  name: string;
  primary: boolean;
  /** As stored (null: the primary follows OLLAMA_HOST or the default). */
  url: string | null;
  effectiveUrl: string;
  /** Address, limits and token: a change makes a new member. */
  identity: string;
  link: OllamaLink;
  gateway: OllamaGateway;
  monitor: ConnectionMonitor | null;
  timer: NodeJS.Timeout | null;
  snapshot: HostSnapshot;
  /** The refresh under way, and whether it asks /api/ps. */
  inFlight: { promise: Promise<HostSnapshot>; running: boolean } | null;
  stopped: boolean;
}

export class HostPoolService implements HostPool {
  private members: Member[] = [];
  private readonly listeners = new Set<(host: string) => void>();
  private primaryRunning: RunningModel[] | null = null;
  /** The primary's own listing from a direct refresh, until the sync sees something newer. */
  private primaryOwn: HostSnapshot | null = null;
  private primaryPrint = '';
  private readonly unsubscribe: () => void;
  private readonly now: () => Date;

  constructor(private readonly options: HostPoolOptions) {
    this.now = options.now ?? (() => new Date());
    this.reconcile();
    this.unsubscribe = options.bus.subscribe((event, payload) => {
      if (event === 'running.changed') this.primaryRunning = payload as RunningModel[];
      if (event === 'sync.changed') this.primaryOwn = null;
      if (event === 'sync.changed' || event === 'running.changed') this.primaryMaybeChanged();
    });
  }

  // ---------- HostPool ----------

  list(): HostView[] {
    return this.members.map((m) => ({
      name: m.name,
      url: m.url,
      effectiveUrl: m.effectiveUrl,
      primary: m.primary,
      hasToken: this.options.tokens.has(m.name),
      connection: this.snapshot(m.name).connection,
    }));
  }

  primaryName(): string {
    return this.primary().name;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  gateway(name: string): OllamaGateway {
    return this.member(name).gateway;
  }

  link(name: string): OllamaLink {
    return this.member(name).link;
  }

  snapshot(name: string): HostSnapshot {
    const member = this.member(name);
    if (!member.primary) return member.snapshot;
    if (this.primaryOwn && this.primaryOwn.name === member.name) return this.primaryOwn;
    return primarySnapshot(member.name, this.options.sync(), this.primaryRunning);
  }

  refresh(name: string, options: RefreshOptions = {}): Promise<HostSnapshot> {
    const member = this.member(name);
    const running = options.running ?? true;
    const under = member.inFlight;
    if (under && (under.running || !running)) return under.promise;
    // One that does not ask /api/ps is under way and this caller needs it: a second one after it.
    const start = () => (member.primary ? this.refreshPrimary(member, running) : this.refreshOther(member, running));
    const promise: Promise<HostSnapshot> = (under ? under.promise.catch(() => undefined).then(start) : start()).finally(() => {
      if (member.inFlight?.promise === promise) member.inFlight = null;
    });
    member.inFlight = { promise, running };
    return promise;
  }

  onChange(listener: (host: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------- for the services ----------

  /** The snapshots of every host, the primary first. */
  snapshots(): HostSnapshot[] {
    return this.members.map((m) => this.snapshot(m.name));
  }

  /** The settings changed (hosts, a token, the primary's URL, the limits): rebuild what changed. */
  reconcile(): void {
    const config = this.options.config();
    const timeouts = this.options.timeouts();
    const wanted = [
      { name: config.primary.name, url: config.primary.url, effectiveUrl: this.options.primaryUrl(), primary: true },
      ...config.others.map((h) => ({ name: h.name, url: h.url, effectiveUrl: connectableOllamaHost(h.url), primary: false })),
    ];
    const next: Member[] = [];
    const started: Member[] = [];
    for (const host of wanted) {
      const token = this.options.tokens.get(host.name);
      const identity = JSON.stringify([host.name, host.primary, host.effectiveUrl, timeouts, token === null ? null : digest(token)]);
      const kept = this.members.find((m) => m.identity === identity);
      if (kept) {
        kept.url = host.url;
        next.push(kept);
        continue;
      }
      const member = this.build(host, identity, timeouts, token);
      next.push(member);
      started.push(member);
    }
    const removed = this.members.filter((m) => !next.includes(m));
    this.members = next;
    for (const member of removed) this.stopMember(member);
    for (const member of started) this.startMember(member);
  }

  stop(): void {
    this.unsubscribe();
    for (const member of this.members) this.stopMember(member);
  }

  // ---------- internals ----------

  private build(host: { name: string; url: string | null; effectiveUrl: string; primary: boolean }, identity: string, timeouts: OllamaTimeouts, token: string | null): Member {
    const link = createOllamaLink(host.effectiveUrl, timeouts, { token });
    let monitor: ConnectionMonitor | null = null;
    const observer: CallObserver = host.primary
      ? this.options.primaryObserver
      : { answered: (h) => monitor?.callAnswered(h), failed: (h, error) => monitor?.callFailed(h, error) };
    const member: Member = {
      ...host,
      identity,
      link,
      gateway: createOllamaGateway(link.host, { fetch: link.fetch, timeouts: link.timeouts, observer }),
      monitor: null,
      timer: null,
      snapshot: unknownSnapshot(host.name, host.primary, link.host),
      inFlight: null,
      stopped: false,
    };
    if (!host.primary) {
      monitor = new ConnectionMonitor({
        host: () => link.host,
        onOffline: ({ host: url, reason }) => this.settle(member, failedSnapshot(member.snapshot, url, offlineError(url, reason), this.now())),
        onOnline: () => void this.refresh(member.name).catch(() => undefined),
        probe: this.options.probe ?? ((onIdleClose) => new VersionProbe(onIdleClose, undefined, () => headersAddedBy(link.fetch))),
      });
      member.monitor = monitor;
    }
    return member;
  }

  private startMember(member: Member): void {
    if (member.primary || this.options.intervalMs === null) return;
    member.monitor?.start();
    member.timer = setInterval(() => void this.refresh(member.name).catch(() => undefined), this.options.intervalMs);
    member.timer.unref();
  }

  private stopMember(member: Member): void {
    member.stopped = true;
    member.monitor?.stop();
    if (member.timer) clearInterval(member.timer);
    member.timer = null;
  }

  private async refreshOther(member: Member, askRunning: boolean): Promise<HostSnapshot> {
    const { gateway } = member;
    let next: HostSnapshot;
    try {
      const [version, models, running] = await Promise.all([gateway.version(), gateway.list(), askRunning ? gateway.running() : member.snapshot.running]);
      next = answeredSnapshot(member.snapshot, gateway.host, { version, models, running }, this.now());
    } catch (error) {
      next = failedSnapshot(member.snapshot, gateway.host, error, this.now());
    }
    this.settle(member, next);
    return member.snapshot;
  }

  private async refreshPrimary(member: Member, askRunning: boolean): Promise<HostSnapshot> {
    if (this.options.primaryRefresh === 'direct') {
      const { gateway } = member;
      const base = this.snapshot(member.name);
      try {
        const [version, models, running] = await Promise.all([gateway.version(), gateway.list(), askRunning ? gateway.running() : base.running]);
        this.primaryOwn = answeredSnapshot(base, gateway.host, { version, models, running }, this.now());
      } catch (error) {
        this.primaryOwn = failedSnapshot(base, gateway.host, error, this.now());
      }
      this.primaryMaybeChanged();
      return this.primaryOwn;
    }
    const state = await this.options.syncNow();
    if (askRunning && state.connection.status === 'online') {
      try {
        this.primaryRunning = await member.gateway.running();
      } catch {
        this.primaryRunning = null;
      }
    }
    this.primaryMaybeChanged();
    return this.snapshot(member.name);
  }

  /** A non-primary host's new snapshot: kept and announced unless the host was replaced meanwhile. */
  private settle(member: Member, next: HostSnapshot): void {
    if (member.stopped) return;
    const changed = snapshotFingerprint(next) !== snapshotFingerprint(member.snapshot);
    member.snapshot = next;
    if (changed) this.announce(member.name);
  }

  private primaryMaybeChanged(): void {
    const primary = this.primary();
    const print = snapshotFingerprint(this.snapshot(primary.name));
    if (print === this.primaryPrint) return;
    this.primaryPrint = print;
    this.announce(primary.name);
  }

  private announce(name: string): void {
    this.options.bus.emit('hosts.stateChanged', { host: name });
    // The hosts list shows each host's connection: a view that follows hosts.changed stays true.
    this.options.bus.emit('hosts.changed', this.list());
    for (const listener of this.listeners) {
      try {
        listener(name);
      } catch {
        // One listener's bug must not keep the others from hearing.
      }
    }
  }

  private primary(): Member {
    const primary = this.members.find((m) => m.primary);
    if (!primary) throw new AppError('internal', 'No primary host is configured.');
    return primary;
  }

  private find(name: string): Member | null {
    return this.members.find((m) => sameHostName(m.name, name)) ?? null;
  }

  private member(name: string): Member {
    const member = this.find(name);
    if (member) return member;
    throw new AppError('not_found', `There is no host named "${name}". Hosts: ${hostNames(this.options.config()).join(', ')}.`);
  }
}

/** A token's fingerprint for telling a changed token apart; the token itself is not kept here. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}
