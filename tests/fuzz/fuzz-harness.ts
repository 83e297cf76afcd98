import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Agent, request as httpRequest } from 'node:http';
import { isFinished } from '../../src/shared/jobs';
import { hostProblem } from '../../src/shared/ollama-host';
import { startServedWorld, type ServedWorld } from '../integration/served-world';
import { TOKEN } from '../integration/http-fixtures';
import { preview } from './arbitraries';
import { useRamTempDir } from './ram-temp';

/**
 * What every fuzz test shares (not a test file): the real services over a fresh workspace with
 * the fake Ollama behind HTTP, a request that never throws, the checks every answer must pass,
 * and the per-endpoint counts printed at the end.
 */

/** Runs per endpoint: FUZZ_RUNS, else 10,000 under `npm run fuzz`, else a count that keeps CI under a minute. */
export const RUNS = Number(process.env.FUZZ_RUNS) || (process.env.npm_lifecycle_event === 'fuzz' ? 10_000 : 40);
/** The event stream opens a connection per case and holds it until its first bytes: fewer of them. */
export const EVENT_RUNS = Math.min(RUNS, 2_000);
/** Per test: generous, as a run's time grows with RUNS. */
export const TEST_TIMEOUT_MS = 60_000 + RUNS * 100;

export interface Answer {
  status: number;
  text: string;
  /** The connection failed or timed out: the server crashed or hung. */
  crashed: string | null;
}

export interface Counts {
  runs: number;
  ok: number;
  rejected: number;
  serverErrors: number;
  crashes: number;
}

export interface Finding {
  endpoint: string;
  problem: string;
  input: string;
  answer: string;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** FUZZ_PROGRESS=file: a line per endpoint every 1,000 cases, so a long run stopped early still says how far each got. */
const PROGRESS_FILE = process.env.FUZZ_PROGRESS;

/** Fake Ollama routes that only read: a request to any other one may change what a sync finds. */
const READ_ONLY_OLLAMA = new Set(['GET /api/version', 'GET /api/tags', 'GET /api/ps', 'POST /api/show', 'HEAD /']);

/** The registry file's identity and times: a write in place or by rename changes at least one of them. */
type Stamp = string;
function stampOf(file: string): Stamp | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}

export class FuzzHarness {
  readonly counts = new Map<string, Counts>();
  readonly findings: Finding[] = [];
  private readonly unhandled: unknown[] = [];
  private readonly onUnhandled = (reason: unknown): void => void this.unhandled.push(reason);
  /**
   * One connection reused for every request: a connection per request cost as much as many of
   * the requests themselves. Requests are sent one at a time, so one socket is enough.
   */
  private agent = new Agent({ keepAlive: true, maxSockets: 1 });
  /** The registry as last read, and its stamp then: `registryBytes` reads it again only when the stamp moved. */
  private cached: { stamp: Stamp | null; bytes: Buffer | null } = { stamp: null, bytes: null };
  /** What the last forced sync saw: the registry's stamp and how many changing requests the fake Ollama had had. */
  private synced: { stamp: Stamp | null; ollamaChanges: number } = { stamp: null, ollamaChanges: -1 };
  private ollamaChanges = 0;
  private ollamaSeen = 0;
  /** Fresh worlds started because accepted inputs had grown the state (see `renewIfGrown`). */
  renewals = 0;
  private readonly baseline: { registryBytes: number; ollamaModels: number };

  private constructor(private current: ServedWorld) {
    this.baseline = { registryBytes: this.registryBytes()?.length ?? 0, ollamaModels: current.fake.tags().length };
    process.on('unhandledRejection', this.onUnhandled);
    // An exception thrown outside any request (a timer, a callback) would end a real server; the
    // monitor sees it without taking it from vitest, which also fails the run for it.
    process.on('uncaughtExceptionMonitor', this.onUnhandled);
  }

  static async start(): Promise<FuzzHarness> {
    useRamTempDir();
    return new FuzzHarness(await startServedWorld());
  }

  async close(): Promise<void> {
    process.off('unhandledRejection', this.onUnhandled);
    process.off('uncaughtExceptionMonitor', this.onUnhandled);
    this.agent.destroy();
    await this.world.close();
  }

  get world(): ServedWorld {
    return this.current;
  }

  /**
   * Accepted inputs add models, base models, jobs and Ollama models, and many calls cost in
   * proportion to them (a deploy plan reads every model's Modelfile and every host's list): over
   * 10,000 cases per call a case grew from 25 ms to more than 160 ms. When the state has grown
   * well past where it started, the case ends on a fresh world (new workspace, Ollama and
   * server), as the run started: a case's cost stays that of the call, not of all cases before.
   */
  private async renewIfGrown(): Promise<void> {
    const registry = this.registryBytes()?.length ?? 0;
    const grown =
      registry > Math.max(4 * this.baseline.registryBytes, 64 * 1024) ||
      this.world.fake.tags().length > this.baseline.ollamaModels + 50 ||
      this.world.services.jobs.list().length > 500;
    if (!grown) return;
    this.agent.destroy();
    this.agent = new Agent({ keepAlive: true, maxSockets: 1 });
    await this.current.close();
    this.current = await startServedWorld();
    this.cached = { stamp: null, bytes: null };
    this.synced = { stamp: null, ollamaChanges: -1 };
    this.ollamaChanges = 0;
    this.ollamaSeen = 0;
    this.renewals++;
  }

  get port(): number {
    return this.world.server.port;
  }

  registryFile(): string {
    return this.world.services.session().store.path;
  }

  /**
   * The registry's bytes before a case. Read again only when the file's stamp (inode, size,
   * modification and change times in ns) moved since the last read: a write in place moves the
   * times and size, a write by rename the inode and change time. A change the stamp missed (two
   * same-size writes within one clock tick, the inode reused) would leave the cached bytes older
   * than the file; the full read after a refused input then differs from them and is reported: a
   * false alarm at worst, never a missed change.
   */
  registryBytes(): Buffer | null {
    const stamp = stampOf(this.registryFile());
    if (stamp !== null && stamp === this.cached.stamp) return this.cached.bytes;
    return this.readRegistry();
  }

  /** The registry's bytes now, read in full (null when there is no file), remembered for `registryBytes`. */
  private readRegistry(): Buffer | null {
    const file = this.registryFile();
    const stamp = stampOf(file);
    let bytes: Buffer | null;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      bytes = null;
    }
    // Stamped before the read: a write during the read makes the next stamp differ, so it is read again.
    this.cached = { stamp: bytes === null ? null : stamp, bytes };
    return bytes;
  }

  /** Sends one request on the kept-alive connection; never throws. */
  async send(method: string, target: string, body: string | null, headers: Record<string, string> = {}): Promise<Answer> {
    const first = await this.sendOnce(method, target, body, headers);
    // The server may close an idle kept-alive connection just as it is reused (a known race of
    // keep-alive): the request never reached a handler, so it is sent once more on a new
    // connection. A server that drops that one too is reported as a crash.
    return first.retry ? (await this.sendOnce(method, target, body, headers)).answer : first.answer;
  }

  private sendOnce(method: string, target: string, body: string | null, headers: Record<string, string>): Promise<{ answer: Answer; retry: boolean }> {
    return new Promise((resolve) => {
      const all: Record<string, string> = { host: `127.0.0.1:${this.port}`, authorization: `Bearer ${TOKEN}`, ...headers };
      if (body !== null) all['content-type'] ??= 'application/json';
      // Node sends a DELETE's (or GET's) body with neither Content-Length nor chunked encoding, so
      // the server read the body as a second, malformed request and Node's parser answered it 400
      // with no body. Declared, the request is the one meant.
      if (body !== null) all['content-length'] = String(Buffer.byteLength(body));
      let answered = false;
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method, path: target, headers: all, agent: this.agent }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ answer: { status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), crashed: null }, retry: false }));
        res.on('error', (error) => resolve({ answer: { status: 0, text: '', crashed: `response failed: ${String(error)}` }, retry: false }));
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code;
        const retry = !answered && req.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
        resolve({ answer: { status: 0, text: '', crashed: `request failed: ${String(error)}` }, retry });
      });
      req.end(body ?? undefined);
    });
  }

  /** Opens the event stream, reads its first bytes and hangs up: the answer is its status. */
  openEvents(target: string, headers: Record<string, string>): Promise<Answer> {
    return new Promise((resolve) => {
      const all = { host: `127.0.0.1:${this.port}`, authorization: `Bearer ${TOKEN}`, ...headers };
      const req = httpRequest({ host: '127.0.0.1', port: this.port, method: 'GET', path: target, headers: all, agent: false }, (res) => {
        const status = res.statusCode ?? 0;
        if (status !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status, text: Buffer.concat(chunks).toString('utf8'), crashed: null }));
          return;
        }
        res.once('data', () => {
          req.destroy();
          resolve({ status, text: '', crashed: null });
        });
      });
      req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', (error) => resolve({ status: 0, text: '', crashed: `request failed: ${String(error)}` }));
      req.end();
    });
  }

  /**
   * Waits until nothing started by an accepted input is still changing the registry: its jobs
   * are done, and a sync has taken in what it changed (so a later periodic sync has nothing to
   * write during a refused input). The sync is forced only when there is something new for it:
   * the registry file changed, or the fake Ollama got a request that may have changed its models,
   * since the last forced sync; otherwise it would find what the last one found and write nothing.
   */
  async settle(): Promise<void> {
    const { services } = this.world;
    let ranJobs = false;
    for (let round = 0; round < 5; round++) {
      const running = services.jobs.list().filter((job) => !isFinished(job.state));
      if (running.length === 0) break;
      ranJobs = true;
      await Promise.race([Promise.all(running.map((job) => services.jobs.whenDone(job.id))), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    const ollamaChanges = this.countOllamaChanges();
    const stamp = stampOf(this.registryFile());
    if (!ranJobs && stamp === this.synced.stamp && ollamaChanges === this.synced.ollamaChanges) return;
    await services.session().sync.syncNow().catch(() => undefined);
    this.synced = { stamp: stampOf(this.registryFile()), ollamaChanges: this.countOllamaChanges() };
  }

  /** Requests the fake Ollama had that may change its models; its log is emptied as it is counted, so it does not grow over a long run. */
  private countOllamaChanges(): number {
    const { fake } = this.world;
    const log = fake.requests;
    for (let i = this.ollamaSeen; i < log.length; i++) {
      const r = log[i]!;
      if (!READ_ONLY_OLLAMA.has(`${r.method} ${r.path}`)) this.ollamaChanges++;
    }
    this.ollamaSeen = log.length;
    if (log.length > 10_000) {
      fake.clearRequests();
      this.ollamaSeen = 0;
    }
    return this.ollamaChanges;
  }

  /** Puts back what an accepted input may change for the whole app: the workspace and the Ollama host. */
  async restore(): Promise<void> {
    const { handlers } = this.world.services;
    if (this.world.services.session().dir !== this.world.ws) await handlers['workspace.open']({ path: this.world.ws });
    const settings = await handlers['settings.get']({});
    if (settings.ollamaHost !== this.world.fake.url) await handlers['settings.update']({ ollamaHost: this.world.fake.url });
    await this.renewIfGrown();
  }

  count(endpoint: string): Counts {
    let counts = this.counts.get(endpoint);
    if (!counts) {
      counts = { runs: 0, ok: 0, rejected: 0, serverErrors: 0, crashes: 0 };
      this.counts.set(endpoint, counts);
    }
    return counts;
  }

  /**
   * The checks every answer must pass: an answer at all, no 5xx (except the proxy's documented
   * 503 for a configured model that is not available), a 4xx that says what is wrong (and names
   * the field when the input did not validate), and the registry byte for byte as it was when
   * the input was refused.
   */
  async check(
    endpoint: string,
    input: string,
    before: Buffer | null,
    answer: Answer,
    options: { registryMayChange?: (answer: Answer) => boolean; allowed5xx?: (answer: Answer) => boolean } = {},
  ): Promise<void> {
    const counts = this.count(endpoint);
    counts.runs++;
    if (PROGRESS_FILE && counts.runs % 1000 === 0) {
      const found = this.findings.filter((f) => f.endpoint === endpoint).length;
      const line = `${new Date().toISOString()} ${endpoint} runs ${counts.runs} 5xx ${counts.serverErrors} crashes ${counts.crashes} findings ${found} renewals ${this.renewals}\n`;
      fs.appendFileSync(PROGRESS_FILE, line);
    }
    const finding = (problem: string): void => {
      if (this.findings.filter((f) => f.endpoint === endpoint).length < 5) {
        this.findings.push({ endpoint, problem, input: preview(input), answer: `${answer.status} ${preview(answer.text)}` });
      }
    };
    if (answer.crashed !== null) {
      counts.crashes++;
      return finding(answer.crashed);
    }
    if (answer.status >= 500) {
      if (options.allowed5xx?.(answer)) {
        counts.rejected++;
        return;
      }
      counts.serverErrors++;
      return finding(`server error ${answer.status}`);
    }
    if (answer.status < 400) {
      counts.ok++;
      await this.settle();
      await this.restore();
      return;
    }
    counts.rejected++;
    // HEAD has no body; 431 and 414 come from Node's own parser, before any route, without one.
    const problem = input.startsWith('HEAD ') || answer.status === 431 || answer.status === 414 ? null : errorProblem(answer);
    if (problem) finding(problem);
    if (options.registryMayChange?.(answer)) return;
    // Always a full read: this is the check itself.
    const after = this.readRegistry();
    if (!(before === null ? after === null : after !== null && before.equals(after))) finding('the registry changed although the input was refused');
  }

  /** Unhandled rejections and uncaught exceptions seen during the run (each one would have ended a real server). */
  unhandledRejections(): string[] {
    return this.unhandled.map((reason) => (reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)));
  }

  report(title: string): string {
    const lines = [`${title}: ${RUNS} runs per endpoint; ${this.renewals} fresh world(s) after the state had grown`];
    let total = { runs: 0, serverErrors: 0, crashes: 0 };
    for (const [endpoint, c] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${endpoint.padEnd(34)} runs ${c.runs}  2xx ${c.ok}  4xx ${c.rejected}  5xx ${c.serverErrors}  crashes ${c.crashes}`);
      total = { runs: total.runs + c.runs, serverErrors: total.serverErrors + c.serverErrors, crashes: total.crashes + c.crashes };
    }
    lines.push(`  total: ${this.counts.size} endpoints, ${total.runs} requests, ${total.serverErrors} server errors, ${total.crashes} crashes`);
    return lines.join('\n');
  }
}

/** A refusal must say what is wrong in words a user reads, and name the field for a bad input. */
function errorProblem(answer: Answer): string | null {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'the refusal is not JSON';
  }
  const b = body as { error?: { message?: unknown; kind?: unknown; issues?: { path: string }[] } | { message?: unknown }; detail?: unknown };
  const message = typeof b.detail === 'string' ? b.detail : typeof b.error?.message === 'string' ? b.error.message : null;
  if (message === null || message.trim() === '') return 'the refusal has no message';
  if (/\[object Object\]|UND_ERR|ERR_[A-Z_]+|TypeError|RangeError|at .*\.ts:\d+/.test(message)) return `the refusal shows internals: ${preview(message, 200)}`;
  const rpc = b.error as { kind?: unknown; issues?: { path: string }[] } | undefined;
  if (rpc?.kind === 'validation' && message.startsWith('Invalid input') && !(rpc.issues ?? []).every((issue) => issue.path !== '')) {
    return 'a validation error does not name the field';
  }
  if (rpc?.kind === 'validation' && message.startsWith('Invalid input') && (rpc.issues ?? []).length === 0) return 'a validation error names no field';
  return null;
}

/** Keeps a generated workspace path inside the test's own folder: the fuzz must not create folders elsewhere. */
export function confinedWorkspacePath(root: string, value: unknown): unknown {
  if (typeof value !== 'string' || !path.isAbsolute(value)) return value;
  return path.join(root, `ws-${createHash('sha256').update(value).digest('hex').slice(0, 12)}`);
}

/** A host the fuzz would really connect to becomes the fake Ollama's. */
export function confinedHost(fakeUrl: string, value: unknown): unknown {
  if (typeof value !== 'string' || value.trim() === '' || hostProblem(value) !== null) return value;
  return fakeUrl;
}
