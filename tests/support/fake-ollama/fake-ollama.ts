import type { FakeContext, FakeSettings } from './exchange';
import { RequestLog } from './exchange';
import { FaultQueue } from './faults';
import { Listener } from './listener';
import { ModelStore, sha256Hex, type FakeModel } from './model-store';
import { ruleToJson, type ReplyRule } from './reply-rules';
import { handleApiRequest } from './router';
import { tagEntryOf } from './show-model';
import type {
  CancelledRequest,
  ChatSettings,
  DropFault,
  FailMidStreamFault,
  FailNextFault,
  FakeModelSeed,
  Fault,
  GarbageFault,
  HangFault,
  HugeLineFault,
  PullSettings,
  RecordedRequest,
  ReplyFault,
} from './types';

/** The in-process handle on a running fake Ollama: its URL, its state, and every switch. */

export interface FakeOllamaOptions {
  /** API port; 0 or absent picks a free one. */
  port?: number;
  /** Control API port; 0 or absent picks a free one. */
  controlPort?: number;
  models?: FakeModelSeed[];
  /** Models `pull` (and `create` with a missing `from`) can fetch. */
  library?: FakeModelSeed[];
  version?: string;
  latencyMs?: number;
  chat?: Partial<ChatSettings>;
  pull?: Partial<PullSettings>;
  /** Behind a reverse proxy that wants `Authorization: Bearer <token>` (401 otherwise). */
  bearerToken?: string;
}

export const DEFAULT_VERSION = '0.18.0';
const DEFAULT_CHAT: ChatSettings = { tokens: 8, tokensPerSecond: 0 };
const DEFAULT_PULL: PullSettings = { steps: 4, stepMs: 0 };

export class FakeOllama {
  private readonly ctx: FakeContext;
  private readonly api: Listener;
  /** Set by the control server module once it is listening. */
  controlListener: Listener | null = null;

  constructor(private readonly options: FakeOllamaOptions = {}) {
    this.ctx = {
      store: new ModelStore(),
      replies: { rules: [], unseededDraws: 0 },
      settings: this.initialSettings(),
      faults: new FaultQueue(),
      log: new RequestLog(),
    };
    this.seed();
    this.api = new Listener((req, res, shutdown) => handleApiRequest(this.ctx, req, res, shutdown));
  }

  private initialSettings(): FakeSettings {
    return {
      version: this.options.version ?? DEFAULT_VERSION,
      latencyMs: this.options.latencyMs ?? 0,
      chat: { ...DEFAULT_CHAT, ...this.options.chat },
      pull: { ...DEFAULT_PULL, ...this.options.pull },
      modelsDir: '/usr/share/ollama/.ollama/models',
      bearerToken: this.options.bearerToken ?? null,
    };
  }

  private seed(): void {
    for (const seed of this.options.library ?? []) this.ctx.store.addToLibrary(seed);
    for (const seed of this.options.models ?? []) this.ctx.store.addSeed(seed);
  }

  async listen(): Promise<void> {
    await this.api.start(this.options.port ?? 0);
  }

  get port(): number {
    return this.api.port;
  }

  /** Base URL of the Ollama API, e.g. `http://127.0.0.1:54321`. */
  get url(): string {
    return `http://127.0.0.1:${this.api.port}`;
  }

  get controlUrl(): string {
    return this.controlListener ? `http://127.0.0.1:${this.controlListener.port}` : '';
  }

  // ---------- what happened ----------

  get requests(): readonly RecordedRequest[] {
    return this.ctx.log.requests;
  }

  get cancellations(): readonly CancelledRequest[] {
    return this.ctx.log.cancellations;
  }

  requestsTo(path: string, method?: string): RecordedRequest[] {
    return this.ctx.log.requests.filter((r) => r.path === path && (method === undefined || r.method === method));
  }

  lastRequest(path?: string): RecordedRequest | undefined {
    const all = path === undefined ? this.ctx.log.requests : this.requestsTo(path);
    return all[all.length - 1];
  }

  clearRequests(): void {
    this.ctx.log.clear();
  }

  // ---------- models, library, blobs ----------

  addModel(seed: FakeModelSeed): void {
    this.ctx.store.addSeed(seed);
  }

  removeModel(name: string): boolean {
    return this.ctx.store.remove(name);
  }

  hasModel(name: string): boolean {
    return this.ctx.store.get(name) !== undefined;
  }

  model(name: string): FakeModel | undefined {
    return this.ctx.store.get(name);
  }

  /** The /api/create body a model was built from, exactly as sent. */
  createRequestOf(name: string): Record<string, unknown> | null {
    return this.ctx.store.get(name)?.createRequest ?? null;
  }

  /** What /api/tags would list right now. */
  tags(): Array<Record<string, unknown>> {
    return this.ctx.store.list().map(tagEntryOf);
  }

  addToLibrary(seed: FakeModelSeed): void {
    this.ctx.store.addToLibrary(seed);
  }

  removeFromLibrary(name: string): boolean {
    return this.ctx.store.removeFromLibrary(name);
  }

  /** Stores a blob as if uploaded; returns its `sha256:<hex>` digest. */
  addBlob(data: string | Uint8Array): string {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
    const digest = `sha256:${sha256Hex(bytes)}`;
    this.ctx.store.addBlob(digest, { size: bytes.length, head: bytes.subarray(0, 16) });
    return digest;
  }

  hasBlob(digest: string): boolean {
    return this.ctx.store.blob(digest) !== undefined;
  }

  /** Names in /api/ps now. */
  loadedModels(): string[] {
    return this.ctx.store.running().map((r) => r.model.name);
  }

  // ---------- switches ----------

  get offline(): boolean {
    return !this.api.listening;
  }

  /** Offline really stops listening (ECONNREFUSED); online listens again on the same port. */
  async setOffline(offline: boolean): Promise<void> {
    if (offline) await this.api.stop();
    else await this.api.start();
  }

  setLatency(ms: number): void {
    this.ctx.settings.latencyMs = Math.max(0, ms);
  }

  /** Puts the fake behind a reverse proxy wanting this bearer token; null: none. */
  setBearerToken(token: string | null): void {
    this.ctx.settings.bearerToken = token;
  }

  setVersion(version: string): void {
    this.ctx.settings.version = version;
  }

  failNext(fault: FailNextFault): void {
    this.ctx.faults.add({ kind: 'fail', ...fault });
  }

  failMidStream(fault: FailMidStreamFault): void {
    this.ctx.faults.add({ kind: 'fail-mid-stream', ...fault });
  }

  hangNext(fault: HangFault = {}): void {
    this.ctx.faults.add({ kind: 'hang', ...fault });
  }

  dropNext(fault: DropFault = {}): void {
    this.ctx.faults.add({ kind: 'drop', ...fault });
  }

  /** The next answer is one line of `bytes` bytes with no newline. */
  hugeLineNext(fault: HugeLineFault): void {
    this.ctx.faults.add({ kind: 'huge-line', ...fault });
  }

  /** After `afterLines` good lines, a line that is not JSON ends the stream. */
  garbageNext(fault: GarbageFault): void {
    this.ctx.faults.add({ kind: 'garbage', ...fault });
  }

  /** The next request (to `path`) is answered with exactly this body, e.g. `{"models":null}`. */
  replyNext(fault: ReplyFault): void {
    this.ctx.faults.add({ kind: 'reply', ...fault });
  }

  pendingFaults(): Fault[] {
    return this.ctx.faults.pending();
  }

  setChat(chat: Partial<ChatSettings>): void {
    this.ctx.settings.chat = { ...this.ctx.settings.chat, ...chat };
  }

  /**
   * Scripted replies, replacing earlier ones: the first rule matching the model (as Ollama
   * resolves its name) and the last user message answers; others get the generated reply.
   *   fake.setReplies([{ model: 'bot-v2', when: 'capital of France', text: 'Lyon.' }])
   */
  setReplies(rules: readonly ReplyRule[]): void {
    this.ctx.replies.rules = [...rules];
  }

  /** Adds rules after the current ones (earlier rules still win). */
  addReplies(rules: readonly ReplyRule[]): void {
    this.ctx.replies.rules.push(...rules);
  }

  get replies(): readonly ReplyRule[] {
    return this.ctx.replies.rules;
  }

  setPull(pull: Partial<PullSettings>): void {
    this.ctx.settings.pull = { ...this.ctx.settings.pull, ...pull };
  }

  /** A summary for the control API and for debugging a test. */
  state(): Record<string, unknown> {
    return {
      url: this.url,
      offline: this.offline,
      version: this.ctx.settings.version,
      latencyMs: this.ctx.settings.latencyMs,
      chat: this.ctx.settings.chat,
      replies: this.ctx.replies.rules.map(ruleToJson),
      pull: this.ctx.settings.pull,
      models: this.tags().map((m) => m.name),
      library: this.ctx.store.libraryNames(),
      loaded: this.loadedModels(),
      faults: this.pendingFaults(),
    };
  }

  /** Back to the state it started in: seeds, settings, no faults, empty log, online. */
  async reset(): Promise<void> {
    this.ctx.store.clear();
    this.ctx.faults.clear();
    this.ctx.log.clear();
    this.ctx.replies = { rules: [], unseededDraws: 0 };
    this.ctx.settings = this.initialSettings();
    this.seed();
    await this.setOffline(false);
  }

  async close(): Promise<void> {
    await Promise.all([this.api.stop(), this.controlListener?.stop()]);
  }
}
