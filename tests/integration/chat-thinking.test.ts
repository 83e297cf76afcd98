import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatDeltaEvent, ChatEndEvent } from '../../src/shared/chat';
import { DEFAULT_CHAT_SETTINGS } from '../../src/shared/chat';
import { LLAMA3, QWEN3_30B } from '../support/fake-ollama/index';
import { startWorld, V1, type World } from './create-fixtures';

/** A conversation's think setting: kept with it, sent only to a model that can think, its thinking streamed, saved and timed. */

let world: World;
let deltas: ChatDeltaEvent[];
let ends: ChatEndEvent[];

beforeEach(async () => {
  world = await startWorld({ models: [LLAMA3, { ...QWEN3_30B, name: V1 }] });
  deltas = [];
  ends = [];
  world.services.bus.subscribe((event, payload) => {
    if (event === 'chat.delta') deltas.push(payload as ChatDeltaEvent);
    if (event === 'chat.end') ends.push(payload as ChatEndEvent);
  });
});
afterEach(async () => {
  await world.close();
});

async function ask(model: string, think: boolean | 'high'): Promise<ChatEndEvent> {
  const turn = await world.services.chat.service.send({ conversationId: null, content: 'Is 17 prime?', model, compareModel: null, settings: { ...DEFAULT_CHAT_SETTINGS, think } });
  await expect.poll(() => ends.length).toBe(1);
  expect((await world.services.chat.service.get(turn.conversation.id)).settings.think).toBe(think);
  return ends[0]!;
}

describe('thinking in chat', () => {
  it('streams the thinking of a capable model before its answer and saves it with how long it took', async () => {
    const end = await ask(V1, 'high');
    const thought = deltas.filter((d) => d.thinking).map((d) => d.thinking).join('');
    expect(thought).not.toBe('');
    const firstText = deltas.findIndex((d) => d.text !== '');
    const lastThought = deltas.findLastIndex((d) => d.thinking);
    expect(lastThought).toBeLessThan(firstText);
    expect(end.message.thinking).toBe(thought);
    expect(end.message.thinkingMs).toBeGreaterThanOrEqual(0);
    expect(end.message.content).not.toContain(thought);
    expect(world.fake.requestsTo('/api/chat').at(-1)?.body).toMatchObject({ think: 'high' });
  });

  it('sends think false to a model without the capability, though the conversation asks for it', async () => {
    const end = await ask('llama3', true);
    expect(end.message.state).toBe('complete');
    expect(end.message.thinking).toBeUndefined();
    expect(world.fake.requestsTo('/api/chat').map((r) => (r.body as { think: unknown }).think)).toEqual([false]);
  });

  it('sends think false when the conversation has it off', async () => {
    const end = await ask(V1, false);
    expect(end.message.thinking).toBeUndefined();
    expect(world.fake.requestsTo('/api/chat').at(-1)?.body).toMatchObject({ think: false });
  });
});
