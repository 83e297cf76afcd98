import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatDeltaEvent, ChatEndEvent } from '../../src/shared/chat';
import type { Registry } from '../../src/shared/registry';
import { ChatService } from '../../src/main/chat/chat-service';
import { ConversationStore } from '../../src/main/chat/conversation-store';
import { streamOllamaChat } from '../../src/main/chat/ollama-chat';
import { EventBus } from '../../src/main/events';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { seedRegistry } from './http-fixtures';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

let fake: FakeOllama;
let dir: string;
let bus: EventBus;
let deltas: ChatDeltaEvent[];
let ends: ChatEndEvent[];
let registry: Registry;

function service(): ChatService {
  return new ChatService({
    store: new ConversationStore(join(dir, 'conversations'), () => undefined),
    bus,
    stream: (request, signal) => streamOllamaChat(fake.url, request, { signal }),
    registry: () => registry,
  });
}

/** Resolves with the chat.end of `messageId`. */
function ended(messageId: string): Promise<ChatEndEvent> {
  return new Promise((resolve) => {
    const found = ends.find((e) => e.message.id === messageId);
    if (found) return resolve(found);
    const off = bus.subscribe((event, payload) => {
      if (event === 'chat.end' && (payload as ChatEndEvent).message.id === messageId) {
        off();
        resolve(payload as ChatEndEvent);
      }
    });
  });
}

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
  dir = await mkdtemp(join(tmpdir(), 'mw-chat-'));
  bus = new EventBus();
  deltas = [];
  ends = [];
  registry = seedRegistry();
  bus.subscribe((event, payload) => {
    if (event === 'chat.delta') deltas.push(payload as ChatDeltaEvent);
    if (event === 'chat.end') ends.push(payload as ChatEndEvent);
  });
});
afterEach(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('chat service against the fake Ollama', () => {
  it('streams a reply as delta events, ends with the saved reply and Ollama’s timings', async () => {
    fake.setChat({ text: 'The rent is due on the first of the month.' });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'When is rent due?', model: V1, compareModel: null });
    expect(turn.conversation.messages.map((m) => m.role)).toEqual(['user']);
    expect(turn.streams).toHaveLength(1);
    const stream = turn.streams[0]!;
    expect(stream).toMatchObject({ lane: 'a', model: V1, conversationId: turn.conversation.id });

    const end = await ended(stream.messageId);
    expect(end.message).toMatchObject({ role: 'assistant', state: 'complete', content: 'The rent is due on the first of the month.', model: V1, lane: 'a', error: null });
    expect(deltas.filter((d) => d.messageId === stream.messageId).map((d) => d.text).join('')).toBe(end.message.content);
    expect(end.message.timings).toMatchObject({ source: 'ollama', evalCount: 10, tokensPerSecond: expect.any(Number), totalMs: expect.any(Number) });
    expect(end.message.timings?.timeToFirstTokenMs).toBeGreaterThan(0);

    const saved = await chat.get(turn.conversation.id);
    expect(saved.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'When is rent due?'],
      ['assistant', 'The rent is due on the first of the month.'],
    ]);
    expect(saved.title).toBe('When is rent due?');
  });

  it('sends the history of its lane, the system override and the options to /api/chat', async () => {
    fake.setChat({ text: 'First answer.' });
    const chat = service();
    const first = await chat.send({
      conversationId: null,
      content: 'Hello',
      model: V1,
      compareModel: null,
      settings: { systemPrompt: 'Answer in French.', temperature: 0.2, numCtx: 2048 },
    });
    await ended(first.streams[0]!.messageId);
    const second = await chat.send({ conversationId: first.conversation.id, content: 'And then?', model: V1, compareModel: null });
    await ended(second.streams[0]!.messageId);
    expect(fake.lastRequest('/api/chat')?.body).toEqual({
      model: V1,
      stream: true,
      think: false,
      options: { temperature: 0.2, num_ctx: 2048 },
      messages: [
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
        { role: 'assistant', content: 'First answer.' },
        { role: 'user', content: 'And then?' },
      ],
    });
  });

  it('leaves the model’s own system prompt alone when the conversation does not override it', async () => {
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Hi', model: V1, compareModel: null });
    await ended(turn.streams[0]!.messageId);
    const body = fake.lastRequest('/api/chat')?.body as { messages: Array<{ role: string }>; options?: unknown };
    expect(body.messages.map((m) => m.role)).toEqual(['user']);
    expect(body.options).toBeUndefined();
  });

  it('stop aborts the Ollama request at once and keeps the partial reply, marked stopped', async () => {
    fake.setChat({ tokens: 10_000, tokensPerSecond: 200 });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Write a lot', model: V1, compareModel: null });
    const messageId = turn.streams[0]!.messageId;
    await expect.poll(() => deltas.filter((d) => d.messageId === messageId).length).toBeGreaterThan(0);

    expect(await chat.stop(turn.conversation.id)).toBe(1);
    const end = await ended(messageId);
    expect(end.message.state).toBe('stopped');
    expect(end.message.content.length).toBeGreaterThan(0);
    expect(end.message.timings).toMatchObject({ source: 'measured' });
    await expect.poll(() => fake.cancellations.length).toBe(1);
    expect(fake.cancellations[0]).toMatchObject({ path: '/api/chat', model: V1 });
    expect(fake.cancellations[0]!.lines).toBeLessThan(10_000);

    const saved = await chat.get(turn.conversation.id);
    expect(saved.messages[1]).toMatchObject({ state: 'stopped', content: end.message.content });
    expect(chat.isStreaming(turn.conversation.id)).toBe(false);
  });

  it('keeps the text of a reply that failed mid-stream and says what Ollama reported', async () => {
    fake.setChat({ text: 'This is a reply from the fake that fails after five words.' });
    fake.failMidStream({ path: '/api/chat', afterLines: 5, error: 'an error was encountered while running the model: CUDA out of memory' });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Hi', model: V1, compareModel: null });
    const end = await ended(turn.streams[0]!.messageId);
    expect(end.message.state).toBe('failed');
    expect(end.message.content).toBe('This is a reply from');
    expect(end.message.error).toMatchObject({ kind: 'ollama', fix: null });
    expect(end.message.error?.message).toContain('CUDA out of memory');
    expect((await chat.get(turn.conversation.id)).messages[1]?.state).toBe('failed');
  });

  it('tells a registry model that is not built yet apart from a model to pull', async () => {
    const chat = service();
    const notBuilt = await chat.send({ conversationId: null, content: 'Hi', model: V2, compareModel: null });
    const missing = await chat.send({ conversationId: null, content: 'Hi', model: 'mistral:7b', compareModel: null });
    const a = await ended(notBuilt.streams[0]!.messageId);
    const b = await ended(missing.streams[0]!.messageId);
    expect(a.message.error).toMatchObject({ kind: 'not_found', fix: 'create', model: V2 });
    expect(a.message.error?.message).toBe(`PeteOllama Property Manager v2 is not built yet: Ollama has no model ${V2}. Create it from its Modelfile, then try again.`);
    expect(b.message.error).toMatchObject({ kind: 'not_found', fix: 'pull', model: 'mistral:7b', message: 'mistral:7b is not in Ollama. Pull it, then try again.' });
  });

  it('says how to start Ollama when it is not running', async () => {
    await fake.setOffline(true);
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Hi', model: V1, compareModel: null });
    const end = await ended(turn.streams[0]!.messageId);
    expect(end.message.error).toMatchObject({ kind: 'offline', fix: 'start-ollama' });
    expect(end.message.error?.message).toContain('ollama serve');
  });

  it('compares two models: the same prompt to both, each reply in its own lane', async () => {
    fake.addModel({ ...PROPERTY_MANAGER_V1, name: V2 });
    fake.setChat({ text: 'Same words.' });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Compare', model: V1, compareModel: V2 });
    expect(turn.streams.map((s) => [s.lane, s.model])).toEqual([
      ['a', V1],
      ['b', V2],
    ]);
    const [a, b] = await Promise.all(turn.streams.map((s) => ended(s.messageId)));
    expect([a?.message.state, b?.message.state]).toEqual(['complete', 'complete']);
    expect(fake.requestsTo('/api/chat').map((r) => (r.body as { model: string }).model).sort()).toEqual([V1, V2]);

    // The next turn of lane b sees only lane b's reply.
    const next = await chat.send({ conversationId: turn.conversation.id, content: 'Again', model: V1, compareModel: V2 });
    await Promise.all(next.streams.map((s) => ended(s.messageId)));
    const laneB = fake.requestsTo('/api/chat').filter((r) => (r.body as { model: string }).model === V2).at(-1);
    expect((laneB?.body as { messages: unknown[] }).messages).toHaveLength(3);
  });

  it('refuses a second message while a reply is streaming', async () => {
    fake.setChat({ tokens: 10_000, tokensPerSecond: 200 });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Long', model: V1, compareModel: null });
    await expect(chat.send({ conversationId: turn.conversation.id, content: 'More', model: V1, compareModel: null })).rejects.toMatchObject({
      kind: 'conflict',
    });
    await chat.stop(turn.conversation.id);
  });

  it('regenerates the last reply and resends an edited message, dropping what followed it', async () => {
    fake.setChat({ text: 'One.' });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Q1', model: V1, compareModel: null });
    await ended(turn.streams[0]!.messageId);
    fake.setChat({ text: 'Two.' });
    const again = await chat.regenerate(turn.conversation.id, 'a');
    await ended(again.streams[0]!.messageId);
    let saved = await chat.get(turn.conversation.id);
    expect(saved.messages.map((m) => m.content)).toEqual(['Q1', 'Two.']);

    const second = await chat.send({ conversationId: saved.id, content: 'Q2', model: V1, compareModel: null });
    await ended(second.streams[0]!.messageId);
    fake.setChat({ text: 'Three.' });
    const firstUser = saved.messages[0]!;
    const edited = await chat.resend(saved.id, firstUser.id, 'Q1, edited');
    await ended(edited.streams[0]!.messageId);
    saved = await chat.get(saved.id);
    expect(saved.messages.map((m) => m.content)).toEqual(['Q1, edited', 'Three.']);
  });

  it('keeps conversations across service instances (an app restart), and lists, searches, renames and deletes them', async () => {
    fake.setChat({ text: 'Leases renew yearly.' });
    const first = service();
    const a = await first.send({ conversationId: null, content: 'About leases', model: V1, compareModel: null });
    await ended(a.streams[0]!.messageId);
    const b = await first.send({ conversationId: null, content: 'Parking rules', model: V1, compareModel: null });
    await ended(b.streams[0]!.messageId);

    const restarted = service();
    expect((await restarted.list()).map((s) => s.title).sort()).toEqual(['About leases', 'Parking rules']);
    expect((await restarted.get(a.conversation.id)).messages[1]?.content).toBe('Leases renew yearly.');

    const byContent = await restarted.list('RENEW');
    expect(byContent.map((s) => s.id).sort()).toEqual([a.conversation.id, b.conversation.id].sort());
    expect(byContent[0]?.snippet).toContain('renew');
    expect((await restarted.list('parking')).map((s) => s.id)).toEqual([b.conversation.id]);

    expect(await restarted.rename(b.conversation.id, 'Car park')).toMatchObject({ title: 'Car park' });
    await restarted.delete(a.conversation.id);
    const again = service();
    expect((await again.list()).map((s) => s.title)).toEqual(['Car park']);
    expect((await readdir(join(dir, 'conversations'))).sort()).toEqual([`${b.conversation.id}.json`]);
  });

  it('writes the user message before the reply starts, so a crash mid-reply loses only the partial reply', async () => {
    fake.setChat({ tokens: 10_000, tokensPerSecond: 200 });
    const chat = service();
    const turn = await chat.send({ conversationId: null, content: 'Survive a crash', model: V1, compareModel: null });
    await expect.poll(() => deltas.length).toBeGreaterThan(0);
    // The file as a crash now would leave it.
    const onDisk = JSON.parse(await readFile(join(dir, 'conversations', `${turn.conversation.id}.json`), 'utf8')) as { messages: Array<{ content: string }> };
    expect(onDisk.messages.map((m) => m.content)).toEqual(['Survive a crash']);
    expect((await service().get(turn.conversation.id)).messages).toHaveLength(1);
    await chat.stop(turn.conversation.id);
  });

  it('shows and keeps nothing of a reply when the user’s message could not be saved', async () => {
    fake.setChat({ tokens: 50, tokensPerSecond: 500 });
    // A file where the conversations folder should be: every write fails.
    await writeFile(join(dir, 'blocked'), 'not a folder');
    const chat = new ChatService({
      store: new ConversationStore(join(dir, 'blocked'), () => undefined),
      bus,
      stream: (request, signal) => streamOllamaChat(fake.url, request, { signal }),
      registry: () => registry,
    });
    await expect(chat.send({ conversationId: null, content: 'Hi', model: V1, compareModel: null })).rejects.toThrow();
    // The request may have gone out meanwhile; it is abandoned, not shown.
    await expect.poll(() => fake.requestsTo('/api/chat').every((r) => r.cancelled || r.status === null)).toBe(true);
    expect(deltas).toEqual([]);
    expect(ends).toEqual([]);
  });
});
