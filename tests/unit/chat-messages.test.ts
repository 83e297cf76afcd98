import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_SETTINGS, type ChatMessage, type Conversation } from '../../src/shared/chat';
import { activeLanes, buildChatRequest, historyFor, optionsFor } from '../../src/main/chat/messages';
import { listConversations, titleFrom } from '../../src/main/chat/summaries';

let nextId = 1;
function message(role: 'user' | 'assistant', content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${nextId++}`,
    role,
    content,
    createdAt: '2025-08-08T21:00:00.000Z',
    model: role === 'assistant' ? 'pm:v1' : null,
    lane: role === 'assistant' ? 'a' : null,
    state: 'complete',
    error: null,
    timings: null,
    ...extra,
  };
}

function conversation(messages: ChatMessage[], extra: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    title: 'Rent',
    createdAt: '2025-08-08T21:00:00.000Z',
    updatedAt: '2025-08-08T21:00:00.000Z',
    model: 'pm:v1',
    compareModel: null,
    settings: DEFAULT_CHAT_SETTINGS,
    messages,
    ...extra,
  };
}

describe('building the /api/chat request of a lane', () => {
  it('sends the user messages and the replies in order, with no system message, no options and thinking off by default', () => {
    const c = conversation([message('user', 'Hi'), message('assistant', 'Hello!'), message('user', 'Rent?')]);
    expect(buildChatRequest(c, 'a', 'pm:v1')).toEqual({
      model: 'pm:v1',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Rent?' },
      ],
      think: false,
    });
  });

  it('asks for thinking as the conversation says (the streamer gates it by capability)', () => {
    const c = conversation([message('user', 'Hi')], { settings: { ...DEFAULT_CHAT_SETTINGS, think: 'low' } });
    expect(buildChatRequest(c, 'a', 'pm:v1').think).toBe('low');
  });

  it('puts the conversation’s system prompt first when it overrides the model’s, even when empty', () => {
    const c = conversation([message('user', 'Hi')], { settings: { ...DEFAULT_CHAT_SETTINGS, systemPrompt: '' } });
    expect(buildChatRequest(c, 'a', 'pm:v1').messages[0]).toEqual({ role: 'system', content: '' });
  });

  it('turns temperature and context length into Ollama options', () => {
    expect(optionsFor({ systemPrompt: null, temperature: 0, numCtx: 8192 })).toEqual({ temperature: 0, num_ctx: 8192 });
    expect(optionsFor({ systemPrompt: null, temperature: null, numCtx: 4096 })).toEqual({ num_ctx: 4096 });
    expect(optionsFor(DEFAULT_CHAT_SETTINGS)).toBeUndefined();
  });

  it('gives each compared lane only its own replies', () => {
    const messages = [
      message('user', 'Q'),
      message('assistant', 'from a', { lane: 'a' }),
      message('assistant', 'from b', { lane: 'b', model: 'pm:v2' }),
      message('user', 'Q2'),
    ];
    expect(historyFor(messages, 'b').map((m) => m.content)).toEqual(['Q', 'from b', 'Q2']);
    expect(historyFor(messages, 'a').map((m) => m.content)).toEqual(['Q', 'from a', 'Q2']);
  });

  it('keeps a stopped reply’s text but leaves out a failed reply that said nothing', () => {
    const messages = [
      message('user', 'Q'),
      message('assistant', 'half an ans', { state: 'stopped' }),
      message('user', 'Q2'),
      message('assistant', '', { state: 'failed' }),
      message('user', 'Q3'),
    ];
    expect(historyFor(messages, 'a').map((m) => m.content)).toEqual(['Q', 'half an ans', 'Q2', 'Q3']);
  });

  it('has one lane, or two while comparing', () => {
    expect(activeLanes({ compareModel: null })).toEqual(['a']);
    expect(activeLanes({ compareModel: 'pm:v2' })).toEqual(['a', 'b']);
  });
});

describe('conversation titles and search', () => {
  it('titles a conversation with the first line of its first message, cut at a word', () => {
    expect(titleFrom('  When is rent due?\nThanks')).toBe('When is rent due?');
    expect(titleFrom('word '.repeat(30))).toMatch(/^(word ){10,}.*…$/);
    expect(titleFrom('word '.repeat(30)).length).toBeLessThanOrEqual(61);
    expect(titleFrom('   ')).toBe('New conversation');
  });

  it('matches titles and message text case-insensitively, newest first, with a snippet for text matches', () => {
    const older = conversation([message('user', 'Where do I park the car?')], { id: 'old', title: 'Parking', updatedAt: '2025-01-01T00:00:00Z' });
    const newer = conversation([message('user', 'The lease says nothing about the CAR park.')], { id: 'new', title: 'Lease', updatedAt: '2025-02-01T00:00:00Z' });
    expect(listConversations([older, newer], '').map((s) => s.id)).toEqual(['new', 'old']);
    const found = listConversations([older, newer], 'car park');
    expect(found.map((s) => s.id)).toEqual(['new']);
    expect(found[0]?.snippet).toContain('CAR park');
    expect(listConversations([older, newer], 'parking')).toMatchObject([{ id: 'old', snippet: null }]);
    expect(listConversations([older, newer], 'boiler')).toEqual([]);
  });
});
