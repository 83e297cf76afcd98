// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatPage } from '../../src/renderer/src/components/chat/ChatPage';
import { createAppStore, type AppStore } from '../../src/renderer/src/store/create-app-store';
import { StoreProvider } from '../../src/renderer/src/store/store-context';
import { DEFAULT_CHAT_SETTINGS, type ChatMessage, type ChatStream, type ChatTurn, type Conversation } from '../../src/shared/chat';
import type { CallInput } from '../../src/shared/contract';
import { FakeClient } from './support/fake-client';
import { appInfo, model, ollamaModel, settings, snapshot, syncState } from './support/fixtures';

afterEach(cleanup);

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const V3 = 'peteollama:property-manager-v3';

const registryModels = [
  model(V1, { display_name: 'PeteOllama Property Manager v1', version: 'v1' }),
  model(V2, { display_name: 'PeteOllama Property Manager v2', version: 'v2', status: 'pending' }),
  model(V3, { display_name: 'PeteOllama Property Manager v3', version: 'v3' }),
  model('secret:v1', { display_name: 'Hidden helper', version: 'v1', show_in_ui: false }),
];

function conversation(id: string, messages: ChatMessage[], extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: 'When is rent due?',
    createdAt: '2025-08-08T21:00:00.000Z',
    updatedAt: '2025-08-08T21:00:00.000Z',
    model: V1,
    compareModel: null,
    settings: DEFAULT_CHAT_SETTINGS,
    messages,
    ...extra,
  };
}

function userMessage(id: string, content: string): ChatMessage {
  return { id, role: 'user', content, createdAt: '2025-08-08T21:00:00.000Z', model: null, lane: null, state: 'complete', error: null, timings: null };
}

function reply(id: string, content: string, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    role: 'assistant',
    content,
    createdAt: '2025-08-08T21:00:01.000Z',
    model: V1,
    lane: 'a',
    state: 'complete',
    error: null,
    timings: { tokensPerSecond: 42.5, timeToFirstTokenMs: 310, totalMs: 2400, evalCount: 96, promptEvalCount: 20, source: 'ollama' },
    ...extra,
  };
}

/** A client that answers startup, and a send that starts one stream per model asked for. */
function chatClient(): FakeClient {
  return new FakeClient({
    'app.info': () => appInfo,
    'registry.get': () => snapshot(registryModels, { defaultModel: V1 }),
    'sync.get': () => syncState({ ollamaModels: [ollamaModel(`${V1}`), ollamaModel('llama3:latest'), ollamaModel(V3)] }),
    'sync.now': () => syncState({ ollamaModels: [ollamaModel(`${V1}`), ollamaModel('llama3:latest'), ollamaModel(V3)] }),
    'settings.get': () => settings(),
    'ollama.running': () => [],
    'jobs.list': () => [],
    'chat.list': () => [],
    'ollama.show': () => ({ modelfile: '', parameters: 'temperature 0.7', template: '', system: 'You are PeteOllama.', license: '', details: {}, capabilities: ['completion'] }),
    'chat.send': (input: CallInput<'chat.send'>): ChatTurn => {
      const c = conversation('c1', [userMessage('u1', input.content)], { model: input.model, compareModel: input.compareModel ?? null });
      const streams: ChatStream[] = [{ conversationId: 'c1', messageId: 'r-a', lane: 'a', model: input.model, startedAt: '2025-08-08T21:00:00.000Z' }];
      if (input.compareModel) streams.push({ conversationId: 'c1', messageId: 'r-b', lane: 'b', model: input.compareModel, startedAt: '2025-08-08T21:00:00.000Z' });
      return { conversation: c, streams };
    },
    'chat.stop': () => ({ stopped: 1 }),
  });
}

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

/** The app's real startup (it subscribes to the chat events), then the Chat page. */
async function renderChat(client = chatClient()): Promise<{ store: AppStore; client: FakeClient }> {
  const store = createAppStore(client, { storage: null });
  dispose = store.getState().init();
  await waitFor(() => expect(store.getState().startup.status).toBe('ready'));
  render(
    <StoreProvider store={store}>
      <ChatPage />
    </StoreProvider>,
  );
  return { store, client };
}

const picker = () => screen.getByTestId('chat-model-picker') as HTMLSelectElement;

async function sendMessage(text: string): Promise<void> {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('chat-input'), text);
  await user.click(screen.getByTestId('chat-send'));
}

describe('Chat page', () => {
  it('offers the registry’s available models shown in the UI by "Display Name (vN)", the default preselected', async () => {
    await renderChat();
    const options = within(picker()).getAllByRole('option').map((o) => o.textContent);
    expect(options).toContain('PeteOllama Property Manager v1 (v1)');
    expect(options).toContain('PeteOllama Property Manager v3 (v3)');
    expect(options).not.toContain('PeteOllama Property Manager v2 (v2)');
    expect(options.some((o) => o?.startsWith('Hidden helper'))).toBe(false);
    expect(picker().value).toBe(V1);
    expect(within(picker()).getByRole('option', { selected: true }).textContent).toBe('PeteOllama Property Manager v1 (v1)');
    // Any other Ollama model is reachable too, once, by its Ollama name.
    const other = within(picker()).getByRole('group', { name: 'Other Ollama models' });
    expect(within(other).getAllByRole('option').map((o) => o.textContent)).toEqual(['llama3:latest']);
  });

  it('shows a reply that ended before the send was answered (a fast model), not "no reply was saved"', async () => {
    const client = chatClient();
    const send = client.handlers['chat.send']!;
    client.handlers['chat.send'] = (input) => {
      const turn = send(input) as ChatTurn;
      // The whole reply streams and ends while the send's own answer is still on its way.
      client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', 'Rent is due on the first.') });
      return turn;
    };
    await renderChat(client);
    await sendMessage('When is rent due?');
    await waitFor(() => expect(screen.getByTestId('chat-reply')).toHaveProperty('textContent', expect.stringContaining('Rent is due on the first.')));
    expect(screen.queryByTestId('chat-no-reply')).toBeNull();
    expect(screen.getByTestId('chat-send')).toBeTruthy();
  });

  it('sends the message to the picked model and renders the reply as its tokens stream in', async () => {
    const { client } = await renderChat();
    await sendMessage('When is rent due?');
    expect(client.callsTo('chat.send')).toEqual([{ conversationId: null, content: 'When is rent due?', model: V1, compareModel: null, settings: DEFAULT_CHAT_SETTINGS }]);

    const streaming = await screen.findByTestId('chat-reply');
    expect(streaming.dataset.state).toBe('streaming');
    act(() => client.emit('chat.delta', { conversationId: 'c1', messageId: 'r-a', lane: 'a', model: V1, text: 'Rent is due ' }));
    expect(within(streaming).getByTestId('reply-content').textContent).toBe('Rent is due');
    act(() => client.emit('chat.delta', { conversationId: 'c1', messageId: 'r-a', lane: 'a', model: V1, text: 'on the **first**.' }));
    expect(within(streaming).getByTestId('reply-content').textContent).toBe('Rent is due on the first.');
    expect(within(streaming).getByText('first').tagName).toBe('STRONG');
    expect(screen.getByTestId('chat-stop')).toBeTruthy();
    expect(screen.queryByTestId('chat-send')).toBeNull();

    act(() => client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', 'Rent is due on the **first**.') }));
    const done = screen.getByTestId('chat-reply');
    expect(done.dataset.state).toBe('complete');
    expect(within(done).getByTestId('reply-timings').textContent).toBe('42.5 tokens/s · first token 310 ms · 2.4 s total · 96 tokens');
    expect(screen.getByTestId('chat-send')).toBeTruthy();
    expect(screen.getByTestId('conversation-list').textContent).toContain('When is rent due?');
  });

  it('Stop asks to stop the open conversation’s replies, and the reply stays, marked stopped', async () => {
    const { client } = await renderChat();
    await sendMessage('Write a lot');
    await screen.findByTestId('chat-reply');
    act(() => client.emit('chat.delta', { conversationId: 'c1', messageId: 'r-a', lane: 'a', model: V1, text: 'Part of an answer' }));
    await userEvent.setup().click(screen.getByTestId('chat-stop'));
    expect(client.callsTo('chat.stop')).toEqual([{ conversationId: 'c1' }]);
    act(() =>
      client.emit('chat.end', {
        conversationId: 'c1',
        message: reply('r-a', 'Part of an answer', { state: 'stopped', timings: { tokensPerSecond: 20, timeToFirstTokenMs: 120, totalMs: 900, evalCount: 4, promptEvalCount: null, source: 'measured' } }),
      }),
    );
    const stopped = screen.getByTestId('chat-reply');
    expect(stopped.dataset.state).toBe('stopped');
    expect(within(stopped).getByTestId('reply-timings').textContent).toMatch(/^Stopped/);
    expect(within(stopped).getByTestId('reply-content').textContent).toBe('Part of an answer');
  });

  it('Esc stops a streaming reply, from the message box or anywhere on the page', async () => {
    const { client } = await renderChat();
    await sendMessage('Write a lot');
    await screen.findByTestId('chat-reply');
    const user = userEvent.setup();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(client.callsTo('chat.stop')).toEqual([{ conversationId: 'c1' }]));
  });

  it('compares two models side by side: both stream, each with its timings', async () => {
    const { client } = await renderChat();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('chat-compare-toggle'));
    // The nearest other version of the family is proposed.
    expect((screen.getByTestId('chat-compare-picker') as HTMLSelectElement).value).toBe(V3);
    await sendMessage('Compare');
    expect(client.callsTo('chat.send')[0]).toMatchObject({ model: V1, compareModel: V3 });

    await waitFor(() => expect(screen.getAllByTestId('chat-reply')).toHaveLength(2));
    act(() => {
      client.emit('chat.delta', { conversationId: 'c1', messageId: 'r-a', lane: 'a', model: V1, text: 'From one' });
      client.emit('chat.delta', { conversationId: 'c1', messageId: 'r-b', lane: 'b', model: V3, text: 'From three' });
    });
    const [laneA, laneB] = screen.getAllByTestId('chat-thread');
    expect(laneA?.dataset.lane).toBe('a');
    expect(within(laneA!).getByRole('heading').textContent).toBe('PeteOllama Property Manager v1 (v1)');
    expect(within(laneA!).getByTestId('chat-reply').textContent).toContain('From one');
    expect(within(laneB!).getByRole('heading').textContent).toBe('PeteOllama Property Manager v3 (v3)');
    expect(within(laneB!).getByTestId('chat-reply').textContent).toContain('From three');

    act(() => {
      client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', 'From one') });
      client.emit('chat.end', { conversationId: 'c1', message: reply('r-b', 'From three', { lane: 'b', model: V3, timings: { tokensPerSecond: 12, timeToFirstTokenMs: 800, totalMs: 5000, evalCount: 60, promptEvalCount: 20, source: 'ollama' } }) });
    });
    expect(within(laneA!).getByTestId('reply-timings').textContent).toContain('42.5 tokens/s');
    expect(within(laneB!).getByTestId('reply-timings').textContent).toContain('12.0 tokens/s');
    // Each lane's own user message is shown above its reply.
    expect(within(laneB!).getByTestId('chat-message').textContent).toContain('Compare');
  });

  it('shows a missing model’s error inline with the action that fixes it, not a stack trace', async () => {
    const { client, store } = await renderChat();
    await sendMessage('Hi');
    await screen.findByTestId('chat-reply');
    act(() =>
      client.emit('chat.end', {
        conversationId: 'c1',
        message: reply('r-a', '', {
          state: 'failed',
          timings: null,
          error: { kind: 'not_found', message: 'PeteOllama Property Manager v2 is not built yet: Ollama has no model x. Create it from its Modelfile, then try again.', fix: 'create', model: V2 },
        }),
      }),
    );
    const error = screen.getByTestId('reply-error');
    expect(error.textContent).toContain('PeteOllama Property Manager v2 is not built yet');
    expect(error.textContent).not.toMatch(/at .*\(.*:\d+:\d+\)/);
    await userEvent.setup().click(within(error).getByRole('button', { name: 'Create it' }));
    expect(store.getState().page).toBe('models');
    expect(store.getState().detail).toMatchObject({ name: V2 });
  });

  it('offers Pull for a model Ollama lacks and starts the pull', async () => {
    const { client } = await renderChat();
    client.handlers['models.pull'] = () => {
      throw new Error('not needed: the call is what is checked');
    };
    await sendMessage('Hi');
    await screen.findByTestId('chat-reply');
    act(() =>
      client.emit('chat.end', {
        conversationId: 'c1',
        message: reply('r-a', '', { state: 'failed', timings: null, error: { kind: 'not_found', message: 'mistral:7b is not in Ollama. Pull it, then try again.', fix: 'pull', model: 'mistral:7b' } }),
      }),
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Pull it' }));
    expect(client.callsTo('models.pull')).toEqual([{ model: 'mistral:7b' }]);
  });

  it('renders code blocks in a styled block with a Copy button, and never raw HTML', async () => {
    const { client } = await renderChat();
    await sendMessage('Code please');
    await screen.findByTestId('chat-reply');
    const text = 'Here:\n\n```ts\nconst a = 1;\n```\n\n<img src=x onerror="alert(1)"><script>alert(2)</script>';
    act(() => client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', text) }));
    const block = screen.getByTestId('code-block');
    expect(block.querySelector('pre')?.textContent).toBe('const a = 1;\n');
    expect(within(block).getByText('ts')).toBeTruthy();
    expect(within(block).getByRole('button', { name: 'Copy code' })).toBeTruthy();
    const content = screen.getByTestId('reply-content');
    expect(content.querySelector('img, script')).toBeNull();
  });

  it('regenerates the last reply and resends an edited message', async () => {
    const { client } = await renderChat();
    client.handlers['chat.regenerate'] = () => ({ conversation: conversation('c1', [userMessage('u1', 'Q')]), streams: [] });
    client.handlers['chat.resend'] = (input) => ({ conversation: conversation('c1', [userMessage('u2', input.content)]), streams: [] });
    await sendMessage('Q');
    await screen.findByTestId('chat-reply');
    act(() => client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', 'An answer') }));
    const user = userEvent.setup();
    await user.click(screen.getByTestId('reply-regenerate'));
    expect(client.callsTo('chat.regenerate')).toEqual([{ conversationId: 'c1', lane: 'a' }]);

    await user.click(screen.getByTestId('message-edit'));
    const input = screen.getByTestId('message-edit-input');
    await user.clear(input);
    await user.type(input, 'Q, better{Enter}');
    expect(client.callsTo('chat.resend')).toEqual([{ conversationId: 'c1', messageId: 'u1', content: 'Q, better' }]);
  });

  it('lists saved conversations, opens one with its model, searches, renames and deletes', async () => {
    const client = chatClient();
    const saved = conversation('c9', [userMessage('u1', 'Parking?'), reply('r1', 'Behind the building.', { model: V3 })], { title: 'Parking', model: V3 });
    client.handlers['chat.list'] = (input) => {
      const all = [{ id: 'c9', title: 'Parking', model: V3, compareModel: null, updatedAt: '2025-08-08T21:00:00.000Z', messageCount: 2, snippet: null }];
      return input.query ? all.filter((s) => s.title.toLowerCase().includes((input.query ?? '').toLowerCase())) : all;
    };
    client.handlers['chat.get'] = () => saved;
    client.handlers['chat.rename'] = (input) => ({ id: 'c9', title: input.title, model: V3, compareModel: null, updatedAt: '2025-08-09T00:00:00.000Z', messageCount: 2, snippet: null });
    client.handlers['chat.delete'] = (input) => ({ id: input.id });
    await renderChat(client);
    const user = userEvent.setup();

    const item = await screen.findByTestId('conversation-item');
    await user.click(within(item).getByRole('button', { name: /^Parking/ }));
    await waitFor(() => expect(screen.getByTestId('reply-content').textContent).toBe('Behind the building.'));
    expect(picker().value).toBe(V3);

    await user.type(screen.getByTestId('chat-search'), 'boiler');
    await waitFor(() => expect(client.callsTo('chat.list').at(-1)).toEqual({ query: 'boiler' }));
    await waitFor(() => expect(screen.queryByTestId('conversation-item')).toBeNull());
    await user.clear(screen.getByTestId('chat-search'));
    const again = await screen.findByTestId('conversation-item');

    await user.click(within(again).getByRole('button', { name: 'Actions for Parking' }));
    await user.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const title = screen.getByTestId('conversation-title-input');
    await user.clear(title);
    await user.type(title, 'Car park{Enter}');
    expect(client.callsTo('chat.rename')).toEqual([{ id: 'c9', title: 'Car park' }]);
    await waitFor(() => expect(screen.getByTestId('conversation-item').textContent).toContain('Car park'));

    await user.click(within(screen.getByTestId('conversation-item')).getByRole('button', { name: 'Actions for Car park' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete' }));
    await user.click(screen.getByTestId('conversation-delete-confirm'));
    expect(client.callsTo('chat.delete')).toEqual([{ id: 'c9' }]);
    await waitFor(() => expect(screen.queryByTestId('conversation-item')).toBeNull());
  });

  it('keeps per-conversation settings: a system prompt override, temperature and context length', async () => {
    const { store } = await renderChat();
    const user = userEvent.setup();
    await user.click(screen.getByTestId('chat-settings-toggle'));
    const panel = screen.getByTestId('chat-settings-panel');
    await waitFor(() => expect(within(panel).getByTestId('chat-own-system').textContent).toBe('You are PeteOllama.'));
    await user.click(within(panel).getByTestId('chat-setting-own-system'));
    const system = within(panel).getByTestId('chat-setting-system') as HTMLTextAreaElement;
    expect(system.value).toBe('You are PeteOllama.');
    await user.type(system, ' Answer briefly.');
    await user.type(within(panel).getByTestId('chat-setting-temperature'), '0.3');
    await user.selectOptions(within(panel).getByTestId('chat-setting-num-ctx'), '8192');
    await user.tab();
    expect(store.getState().chat.draftSettings).toEqual({ systemPrompt: 'You are PeteOllama. Answer briefly.', temperature: 0.3, numCtx: 8192 });
  });

  it('when Stop finds nothing streaming (a missed end), shows the saved conversation instead of a stuck reply', async () => {
    const { client } = await renderChat();
    client.handlers['chat.stop'] = () => ({ stopped: 0 });
    client.handlers['chat.get'] = () => conversation('c1', [userMessage('u1', 'Hi'), reply('r-a', 'The saved reply.')]);
    await sendMessage('Hi');
    act(() => client.emit('chat.delta', { conversationId: 'c1', messageId: 'r-a', lane: 'a', model: V1, text: 'The sav' }));
    expect(screen.getByTestId('chat-reply').dataset.state).toBe('streaming');
    await userEvent.setup().click(screen.getByTestId('chat-stop'));
    await waitFor(() => expect(screen.getByTestId('chat-reply').dataset.state).toBe('complete'));
    expect(screen.getByTestId('reply-content').textContent).toBe('The saved reply.');
    expect(screen.getByTestId('chat-send')).toBeTruthy();
  });
  it('names the host that answered in the reply footer only when there are several hosts', async () => {
    const host = (name: string, primary: boolean) => ({
      name,
      url: null,
      effectiveUrl: `http://${name}:11434`,
      primary,
      hasToken: false,
      connection: { status: 'online' as const, host: `http://${name}:11434`, version: '0.18.0', canCreate: true, warnings: [], message: null, checkedAt: null },
    });
    const client = chatClient();
    client.handlers['hosts.list'] = () => [host('local', true)];
    await renderChat(client);
    await sendMessage('Hi');
    act(() => client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', 'Hello.', { host: 'gpu' }) }));
    expect(screen.getByTestId('chat-reply').dataset.state).toBe('complete');
    expect(screen.queryByTestId('reply-host')).toBeNull();
    act(() => client.emit('hosts.changed', [host('local', true), host('gpu', false)]));
    expect(screen.getByTestId('reply-host').textContent).toBe('on gpu');
  });

  it('offers gpt-oss a thinking level (no off), keeps it with the conversation, and folds saved thoughts above the answer', async () => {
    const facts = (name: string, capabilities: string[], architecture: string) => ({
      name,
      digest: 'd'.repeat(64),
      architecture,
      parameterCount: null,
      parameterSize: null,
      quantization: null,
      fileSize: 1,
      trainedContext: null,
      context: { tokens: null, source: 'server-default' as const, explanation: '' },
      capabilities,
      cloud: false,
      remote: null,
      modelInfo: {},
    });
    const client = chatClient();
    client.handlers['models.facts'] = ({ model: name }: CallInput<'models.facts'>) => (name === V1 ? facts(V1, ['completion', 'thinking'], 'gptoss') : facts(name, ['completion'], 'llama'));
    const { store } = await renderChat(client);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('chat-settings-toggle'));
    const level = (await within(screen.getByTestId('chat-settings-panel')).findByTestId('chat-setting-think-level')) as HTMLSelectElement;
    expect([...level.options].map((o) => o.textContent)).toEqual(['Low', 'Medium', 'High']);
    expect(level.value).toBe('medium');
    await user.selectOptions(level, 'high');
    expect(store.getState().chat.draftSettings.think).toBe('high');
    // llama3 cannot think: no control at all.
    await user.selectOptions(picker(), 'llama3:latest');
    await waitFor(() => expect(screen.queryByTestId('chat-setting-think')).toBeNull());

    await sendMessage('Is 17 prime?');
    act(() => client.emit('chat.end', { conversationId: 'c1', message: reply('r-a', 'Yes.', { thinking: 'Odd, no divisors.', thinkingMs: 3_200 }) }));
    const thoughts = screen.getByTestId('reply-thinking') as HTMLDetailsElement;
    expect(thoughts.open).toBe(false);
    expect(within(thoughts).getByTestId('reply-thinking-summary').textContent).toBe('Thought for 3 s');
    expect(thoughts.compareDocumentPosition(screen.getByTestId('reply-content')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
