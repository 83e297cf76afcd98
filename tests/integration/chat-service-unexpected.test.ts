import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEndEvent } from '../../src/shared/chat';
import { ChatService } from '../../src/main/chat/chat-service';
import { ConversationStore } from '../../src/main/chat/conversation-store';
import { EventBus } from '../../src/main/events';
import { AppError } from '../../src/shared/errors';

/**
 * A reply streams in the background, awaited by no request: a bug there (here: the registry
 * lookup for the error message throws) must end the reply as failed, be logged, and leave the
 * conversation usable; it must never become an unhandled rejection that ends the process.
 */

let dir: string;
let bus: EventBus;
let ends: ChatEndEvent[];
let logs: string[];
let unhandled: unknown[];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-chat-bug-'));
  bus = new EventBus();
  ends = [];
  logs = [];
  unhandled = [];
  bus.subscribe((event, payload) => {
    if (event === 'chat.end') ends.push(payload as ChatEndEvent);
  });
  process.on('unhandledRejection', onUnhandled);
});
afterEach(async () => {
  process.off('unhandledRejection', onUnhandled);
  await rm(dir, { recursive: true, force: true });
});

function brokenService(): ChatService {
  return new ChatService({
    store: new ConversationStore(join(dir, 'conversations'), () => undefined),
    bus,
    // Ollama says "no such model"; telling the user which fix applies reads the registry, which is broken.
    stream: () => ({
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new AppError('not_found', 'model "x" not found')) }),
    }),
    registry: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'trim')");
    },
    log: (line) => logs.push(line),
  });
}

describe('a bug in a background reply', () => {
  it('ends the reply as failed, logs it, and releases the conversation', async () => {
    const chat = brokenService();
    const turn = await chat.send({ conversationId: null, content: 'hi', model: 'x', compareModel: null });
    await chat.stop(turn.conversation.id); // waits for the reply to finish, whichever way
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(unhandled).toEqual([]);
    expect(ends).toHaveLength(1);
    expect(ends[0]?.message).toMatchObject({ state: 'failed', error: { kind: 'internal', message: expect.stringContaining('log has the details') } });
    expect(logs.join('\n')).toContain("reading 'trim'");
    expect(chat.isStreaming(turn.conversation.id)).toBe(false);
    // The next message is accepted: the failed reply did not keep the turn.
    await expect(chat.send({ conversationId: turn.conversation.id, content: 'again', model: 'x', compareModel: null })).resolves.toBeDefined();
  });
});
