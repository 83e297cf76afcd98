import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { FakeOllama } from './fake-ollama';
import { readBody, sendJson } from './http-io';
import { Listener } from './listener';
import { replyRuleSchema, ruleFromJson } from './reply-rules';

/**
 * The fake's JSON control API, on its own port so it keeps answering while the API port is
 * "offline". Lets tests in another process (Playwright) flip the same switches as the in-process
 * handle:
 *
 *   GET  /control/state                 POST /control/reset
 *   POST /control/offline  {offline}    POST /control/latency {ms}    POST /control/version {version}
 *   POST /control/models   {seed…}      DELETE /control/models {name}
 *   POST /control/library  {seed…}      DELETE /control/library {name}
 *   POST /control/fail-next {status, error, path?, times?}
 *   POST /control/fail-mid-stream {afterLines, error, path?}
 *   POST /control/hang-next {path?, afterLines?, drainBody?}      POST /control/drop-next {path?, afterLines?}
 *   POST /control/huge-line-next {bytes, path?}   POST /control/garbage-next {afterLines, text, path?}
 *   POST /control/reply-next {body, status?, contentType?, path?}   (a path ending in / is a prefix)
 *   POST /control/chat {tokens?, tokensPerSecond?, text?}   POST /control/pull {steps?, stepMs?}
 *   POST /control/replies {rules: [{model?, when?: "text" | {regex, flags?}, text, thinking?, delayMs?}], append?}
 *   DELETE /control/replies
 *   GET  /control/requests[?path=/api/create]          DELETE /control/requests
 *   GET  /control/cancellations
 */

const seedSchema = z.object({
  name: z.string().min(1),
  size: z.number().int().positive().optional(),
  format: z.string().optional(),
  family: z.string().optional(),
  families: z.array(z.string()).optional(),
  parameterSize: z.string().optional(),
  quantizationLevel: z.string().optional(),
  parentModel: z.string().optional(),
  template: z.string().optional(),
  system: z.string().optional(),
  license: z.union([z.string(), z.array(z.string())]).optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).optional(),
  capabilities: z.array(z.string()).optional(),
  contextLength: z.number().int().positive().optional(),
  modifiedAt: z.string().optional(),
});
const nameSchema = z.object({ name: z.string().min(1) });
const target = { path: z.string().startsWith('/').optional(), method: z.string().optional() };
const lines = z.number().int().nonnegative();

type Action = (fake: FakeOllama, body: unknown, url: URL) => unknown;

const actions: Record<string, Action> = {
  'GET /control/state': (fake) => fake.state(),
  'POST /control/reset': async (fake) => {
    await fake.reset();
    return fake.state();
  },
  'POST /control/offline': async (fake, body) => {
    await fake.setOffline(z.object({ offline: z.boolean() }).parse(body).offline);
    return fake.state();
  },
  'POST /control/latency': (fake, body) => fake.setLatency(z.object({ ms: z.number().nonnegative() }).parse(body).ms),
  'POST /control/version': (fake, body) => fake.setVersion(z.object({ version: z.string() }).parse(body).version),
  'POST /control/models': (fake, body) => fake.addModel(seedSchema.parse(body)),
  'DELETE /control/models': (fake, body) => ({ removed: fake.removeModel(nameSchema.parse(body).name) }),
  'POST /control/library': (fake, body) => fake.addToLibrary(seedSchema.parse(body)),
  'DELETE /control/library': (fake, body) => ({ removed: fake.removeFromLibrary(nameSchema.parse(body).name) }),
  'POST /control/fail-next': (fake, body) =>
    fake.failNext(z.object({ status: z.number().int().min(400).max(599), error: z.string(), times: z.number().int().positive().optional(), ...target }).parse(body)),
  'POST /control/fail-mid-stream': (fake, body) => fake.failMidStream(z.object({ afterLines: lines, error: z.string(), ...target }).parse(body)),
  'POST /control/hang-next': (fake, body) =>
    fake.hangNext(z.object({ afterLines: lines.optional(), drainBody: z.boolean().optional(), ...target }).parse(body ?? {})),
  'POST /control/huge-line-next': (fake, body) => fake.hugeLineNext(z.object({ bytes: z.number().int().positive(), ...target }).parse(body)),
  'POST /control/garbage-next': (fake, body) => fake.garbageNext(z.object({ afterLines: lines, text: z.string(), ...target }).parse(body)),
  'POST /control/reply-next': (fake, body) =>
    fake.replyNext(
      z.object({ body: z.string(), status: z.number().int().min(100).max(599).optional(), contentType: z.string().optional(), ...target }).parse(body),
    ),
  'POST /control/drop-next': (fake, body) => fake.dropNext(z.object({ afterLines: lines.optional(), ...target }).parse(body ?? {})),
  'POST /control/chat': (fake, body) =>
    fake.setChat(z.object({ tokens: z.number().int().nonnegative().optional(), tokensPerSecond: z.number().nonnegative().optional(), text: z.string().optional() }).parse(body)),
  'POST /control/replies': (fake, body) => {
    const { rules, append } = z.strictObject({ rules: z.array(replyRuleSchema).max(10_000), append: z.boolean().optional() }).parse(body);
    const parsed = rules.map(ruleFromJson);
    if (append) fake.addReplies(parsed);
    else fake.setReplies(parsed);
    return { rules: fake.replies.length };
  },
  'DELETE /control/replies': (fake) => fake.setReplies([]),
  'POST /control/pull': (fake, body) => fake.setPull(z.object({ steps: z.number().int().positive().optional(), stepMs: z.number().nonnegative().optional() }).parse(body)),
  'GET /control/requests': (fake, _body, url) => {
    const path = url.searchParams.get('path');
    return path ? fake.requestsTo(path) : fake.requests;
  },
  'DELETE /control/requests': (fake) => fake.clearRequests(),
  'GET /control/cancellations': (fake) => fake.cancellations,
};

async function handleControl(fake: FakeOllama, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://control');
  const action = actions[`${req.method ?? 'GET'} ${url.pathname}`];
  const raw = (await readBody(req)).toString('utf8');
  if (!action) return sendJson(res, 404, { error: `no control route ${req.method} ${url.pathname}` });
  try {
    const body: unknown = raw.trim() === '' ? undefined : JSON.parse(raw);
    const result = await action(fake, body, url);
    sendJson(res, 200, result ?? { ok: true });
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    sendJson(res, 400, { error: message });
  }
}

export async function startControlServer(fake: FakeOllama, port = 0): Promise<Listener> {
  const listener = new Listener((req, res) => handleControl(fake, req, res));
  await listener.start(port);
  return listener;
}
