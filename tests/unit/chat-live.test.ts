import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_SETTINGS, type ChatMessage, type Conversation } from '../../src/shared/chat';
import { isStreaming, upsertSummary, withDelta, withEndedMessage, withoutReply, withStreams } from '../../src/renderer/src/store/chat-live';

const stream = { conversationId: 'c1', messageId: 'r1', lane: 'a' as const, model: 'pm:v1', startedAt: '2025-08-08T21:00:00.000Z' };
const delta = (text: string) => ({ conversationId: 'c1', messageId: 'r1', lane: 'a' as const, model: 'pm:v1', text });

const saved: ChatMessage = {
  id: 'r1',
  role: 'assistant',
  content: 'Hello there',
  createdAt: '2025-08-08T21:00:00.000Z',
  model: 'pm:v1',
  lane: 'a',
  state: 'complete',
  error: null,
  timings: null,
};

function conversation(messages: ChatMessage[]): Conversation {
  return { id: 'c1', title: 'Hi', createdAt: 'x', updatedAt: 'y', model: 'pm:v1', compareModel: null, settings: DEFAULT_CHAT_SETTINGS, messages };
}

describe('folding stream events into the renderer state', () => {
  it('appends deltas to a live reply, creating it on the first one', () => {
    const live = withDelta(withDelta({}, delta('Hel')), delta('lo'));
    expect(live.r1).toMatchObject({ conversationId: 'c1', lane: 'a', model: 'pm:v1', text: 'Hello' });
    expect(isStreaming(live, 'c1')).toBe(true);
    expect(isStreaming(live, 'c2')).toBe(false);
  });

  it('keeps text that arrived before the send answer announced the stream', () => {
    const early = withDelta({}, delta('Early'));
    expect(withStreams(early, [stream], new Set()).r1?.text).toBe('Early');
  });

  it('does not bring back a reply whose end arrived before the send answer', () => {
    expect(withStreams({}, [stream], new Set(['r1']))).toEqual({});
    expect(withStreams({}, [stream], new Set()).r1?.text).toBe('');
  });

  it('replaces the live reply by the saved one at the end, once', () => {
    const live = withDelta({}, delta('Hello th'));
    expect(withoutReply(live, 'r1')).toEqual({});
    const once = withEndedMessage(conversation([]), { conversationId: 'c1', message: saved });
    const twice = withEndedMessage(once, { conversationId: 'c1', message: saved });
    expect(twice.messages).toEqual([saved]);
    expect(withEndedMessage(conversation([]), { conversationId: 'other', message: saved }).messages).toEqual([]);
  });

  it('moves the conversation to the top of the list, or leaves an unloaded list alone', () => {
    const list = [
      { id: 'c0', title: 'Old', model: 'm', compareModel: null, updatedAt: 'a', messageCount: 1, snippet: null },
      { id: 'c1', title: 'Hi', model: 'm', compareModel: null, updatedAt: 'a', messageCount: 1, snippet: 'hi' },
    ];
    expect(upsertSummary(list, conversation([saved]))?.map((s) => [s.id, s.messageCount, s.snippet])).toEqual([
      ['c1', 1, 'hi'],
      ['c0', 1, null],
    ]);
    expect(upsertSummary(null, conversation([]))).toBeNull();
  });
});

describe('thinking while it streams', () => {
  const head = { conversationId: 'c1', messageId: 'm1', lane: 'a' as const, model: 'qwen3:8b' };
  it('gathers the thoughts and times them from the first thought to the answer’s first words', () => {
    let live = withDelta({}, { ...head, text: '', thinking: 'Seventeen ' }, 1_000);
    live = withDelta(live, { ...head, text: '', thinking: 'is odd.' }, 2_000);
    expect(live.m1).toMatchObject({ thinking: 'Seventeen is odd.', thinkingStartedAt: 1_000, text: '' });
    expect(live.m1?.thinkingMs).toBeUndefined();
    live = withDelta(live, { ...head, text: 'Yes.' }, 4_500);
    live = withDelta(live, { ...head, text: ' Prime.' }, 9_000);
    expect(live.m1).toMatchObject({ text: 'Yes. Prime.', thinkingMs: 3_500 });
  });

  it('leaves a reply that did not think without thinking fields', () => {
    const live = withDelta({}, { ...head, text: 'Hi' }, 5);
    expect(live.m1?.thinking).toBeUndefined();
    expect(live.m1?.thinkingMs).toBeUndefined();
  });
});
