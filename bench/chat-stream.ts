/**
 * What the app's streaming path costs over talking to Ollama directly.
 *
 *   npx tsx bench/chat-stream.ts [tokens] [ttft-rounds]
 *
 * One fake Ollama streams replies as fast as it can. The same reply is read two ways, in the same
 * run, interleaved:
 *   direct: the `ollama` npm client's chat stream;
 *   full:   the app as the browser UI uses it: `chat.send` over the headless HTTP server's RPC,
 *           the chat service (gateway host, NDJSON reader, conversation saved first), deltas
 *           batched per frame onto the event bus, the server's /events SSE, and the renderer's
 *           HTTP client parsing and validating each event.
 * Throughput is tokens per second from the request to the last token; the time to first token is
 * the median over many short replies. Targets: full ≥ 20,000 tokens/s, < 5 ms added to the first token.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ollama } from 'ollama';
import { createHttpServer } from '../src/main/http/server';
import { createAppServices } from '../src/main/services/app-services';
import { createHttpClient } from '../src/renderer/src/api/http-client';
import type { ApiClient } from '../src/shared/contract';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama } from '../tests/support/fake-ollama/index';

const TOKENS = Number(process.argv[2] ?? 100_000);
const TTFT_ROUNDS = Number(process.argv[3] ?? 50);
const THROUGHPUT_ROUNDS = 3;
const MODEL = PROPERTY_MANAGER_V1.name;
const TOKEN = 'bench-token-0123456789abcdef';
const TARGET_TOKENS_PER_SECOND = 20_000;
const TARGET_ADDED_TTFT_MS = 5;

interface Run {
  tokens: number;
  firstTokenMs: number;
  totalMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ask = [{ role: 'user' as const, content: 'Tell me everything about leases.' }];

async function direct(ollama: Ollama): Promise<Run> {
  const start = performance.now();
  let first = 0;
  let tokens = 0;
  const stream = await ollama.chat({ model: MODEL, messages: ask, stream: true });
  for await (const part of stream) {
    if (part.message.content === '') continue;
    if (tokens === 0) first = performance.now();
    tokens++;
  }
  return { tokens, firstTokenMs: first - start, totalMs: performance.now() - start };
}

/** A browser window as far as the renderer's HTTP client needs one. */
function fakeWindow(origin: string): Window {
  const storage = new Map<string, string>();
  return {
    location: { href: `${origin}/?token=${TOKEN}`, origin },
    history: { state: null, replaceState: () => undefined },
    sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) },
  } as unknown as Window;
}

async function full(client: ApiClient): Promise<Run> {
  let first = 0;
  let messageId: string | null = null;
  const early: string[] = [];
  let resolveEnd!: (tokens: number) => void;
  const ended = new Promise<number>((resolve) => (resolveEnd = resolve));
  const offDelta = client.on('chat.delta', (delta) => {
    if (first === 0) first = performance.now();
    if (messageId === null) early.push(delta.messageId);
  });
  const offEnd = client.on('chat.end', (end) => {
    if (end.message.id === messageId || messageId === null) resolveEnd(end.message.timings?.evalCount ?? 0);
  });
  const start = performance.now();
  const turn = await client.call('chat.send', { conversationId: null, content: ask[0]!.content, model: MODEL, compareModel: null });
  messageId = turn.streams[0]?.messageId ?? null;
  const tokens = await ended;
  const totalMs = performance.now() - start;
  offDelta();
  offEnd();
  return { tokens, firstTokenMs: first - start, totalMs };
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-chat-'));
  const fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1], chat: { tokens: TOKENS, tokensPerSecond: 0 } });
  const services = await createAppServices({
    mode: 'headless',
    dataDir: path.join(root, 'data'),
    defaultWorkspace: path.join(root, 'workspace'),
    workspace: path.join(root, 'workspace'),
    ollamaHost: fake.url,
    env: {},
    appVersion: 'bench',
    templateDir: path.resolve(import.meta.dirname, '../models'),
    syncIntervalMs: 3_600_000,
  });
  const server = await createHttpServer({
    handlers: services.handlers,
    bus: services.bus,
    chatProxy: services.chat.chatProxy,
    credentials: { apiKey: `${TOKEN}-api-key`, sessionToken: TOKEN },
    staticDir: null,
    host: '127.0.0.1',
    port: 0,
    log: (line) => console.error(line),
  });
  const client = createHttpClient({ window: fakeWindow(server.url), fetch: (url, init) => fetch(`${server.url}${url}`, init) });
  const ollama = new Ollama({ host: fake.url });

  try {
    await services.handlers['sync.now']({});
    // Warm up both paths (connections, JIT, the /events stream) with short replies.
    fake.setChat({ tokens: 200 });
    for (let i = 0; i < 5; i++) {
      await direct(ollama);
      await full(client);
    }

    fake.setChat({ tokens: TOKENS });
    const directRuns: Run[] = [];
    const fullRuns: Run[] = [];
    for (let i = 0; i < THROUGHPUT_ROUNDS; i++) {
      if (i % 2 === 0) {
        directRuns.push(await direct(ollama));
        fullRuns.push(await full(client));
      } else {
        fullRuns.push(await full(client));
        directRuns.push(await direct(ollama));
      }
    }

    fake.setChat({ tokens: 8 });
    const directFirst: number[] = [];
    const fullFirst: number[] = [];
    for (let i = 0; i < TTFT_ROUNDS; i++) {
      directFirst.push((await direct(ollama)).firstTokenMs);
      fullFirst.push((await full(client)).firstTokenMs);
    }

    const rate = (runs: Run[]) => median(runs.map((r) => r.tokens / (r.totalMs / 1000)));
    const directRate = rate(directRuns);
    const fullRate = rate(fullRuns);
    const added = median(fullFirst) - median(directFirst);
    const counted = fullRuns.map((r) => r.tokens);
    if (counted.some((n) => n !== TOKENS)) throw new Error(`the full path reported ${counted.join(', ')} tokens, not ${TOKENS}`);

    console.log(`${TOKENS.toLocaleString('en')} tokens per reply, fake Ollama at full speed, ${THROUGHPUT_ROUNDS} rounds each, interleaved`);
    console.log(`  direct (ollama client):           ${Math.round(directRate).toLocaleString('en')} tokens/s (median)`);
    console.log(`  full (service → SSE → client):    ${Math.round(fullRate).toLocaleString('en')} tokens/s (median)`);
    console.log(`  ratio full/direct:                ${(fullRate / directRate).toFixed(2)}`);
    console.log(`time to first token, median of ${TTFT_ROUNDS} short replies:`);
    console.log(`  direct: ${median(directFirst).toFixed(2)} ms   full: ${median(fullFirst).toFixed(2)} ms`);
    console.log(`  added by the app: ${added.toFixed(2)} ms`);
    const rateOk = fullRate >= TARGET_TOKENS_PER_SECOND;
    const ttftOk = added < TARGET_ADDED_TTFT_MS;
    console.log(
      `targets: full ≥ ${TARGET_TOKENS_PER_SECOND.toLocaleString('en')} tokens/s ${rateOk ? 'OK' : 'MISSED'}; added first-token time < ${TARGET_ADDED_TTFT_MS} ms ${ttftOk ? 'OK' : 'MISSED'}`,
    );
    if (!rateOk || !ttftOk) process.exitCode = 1;
  } finally {
    await server.close();
    await services.stop();
    await fake.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
