import {
  DEFAULT_CHAT_SETTINGS,
  type ChatDeltaEvent,
  type ChatEndEvent,
  type ChatLane,
  type ChatSettings,
  type ChatTurn,
  type Conversation,
  type ConversationSummary,
  type LocalApiState,
} from '../../../shared/chat';
import type { CallInput, ShowResult } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { attempt, type ActionResult } from './action-result';
import type { AppState, SliceCreator } from './app-state';
import { isStreaming, upsertSummary, withDelta, withEndedMessage, withoutReply, withStreams, type LiveReplies } from './chat-live';
import { selectChatModel, selectCompareModel } from './chat-selectors';

export interface ChatState {
  /** Saved conversations matching `query`, newest first; null until first loaded. */
  list: ConversationSummary[] | null;
  query: string;
  listError: AppError | null;
  /** The open conversation; null with `currentId` null is a new, unsaved one. */
  currentId: string | null;
  current: Conversation | null;
  /** The picked models; null means "the default" (see chat-selectors). */
  model: string | null;
  compare: boolean;
  compareModel: string | null;
  /** Settings for the next new conversation. */
  draftSettings: ChatSettings;
  /** Replies streaming now, in any conversation, by message id. */
  live: LiveReplies;
  /** The message being sent, shown until the app has saved it. */
  pending: string | null;
  /** A call that failed (sending, stopping…), shown above the message box. */
  error: AppError | null;
  settingsOpen: boolean;
  localApi: LocalApiState | null;
  /** How many Ollama hosts there are: a reply names the host that answered only when there are several. */
  hostCount: number;
}

export interface ChatSlice {
  chat: ChatState;
  loadConversations(query?: string): Promise<void>;
  openConversation(id: string): Promise<void>;
  newConversation(): void;
  pickChatModel(name: string): void;
  setCompare(on: boolean): void;
  pickCompareModel(name: string): void;
  sendChat(content: string): Promise<ActionResult<ChatTurn>>;
  stopChat(): Promise<void>;
  regenerateReply(lane: ChatLane): Promise<void>;
  resendMessage(messageId: string, content: string): Promise<ActionResult<ChatTurn>>;
  renameConversation(id: string, title: string): Promise<ActionResult<ConversationSummary>>;
  deleteConversation(id: string): Promise<void>;
  updateChatSettings(settings: ChatSettings): Promise<void>;
  toggleChatSettings(open?: boolean): void;
  /** A model's Modelfile facts (its own system prompt) for the settings panel; not kept in the store. */
  showChatModel(model: string): Promise<ActionResult<ShowResult>>;
  dismissChatError(): void;
  receiveChatDelta(delta: ChatDeltaEvent): void;
  receiveChatEnd(end: ChatEndEvent): void;
  loadLocalApi(): Promise<void>;
  updateLocalApi(patch: CallInput<'localApi.update'>): Promise<ActionResult<LocalApiState>>;
  receiveLocalApi(state: LocalApiState): void;
  /** The hosts changed (`hosts.changed`): only their number matters to the chat. */
  receiveChatHosts(hosts: readonly unknown[]): void;
}

const INITIAL: ChatState = {
  list: null,
  query: '',
  listError: null,
  currentId: null,
  current: null,
  model: null,
  compare: false,
  compareModel: null,
  draftSettings: DEFAULT_CHAT_SETTINGS,
  live: {},
  pending: null,
  error: null,
  settingsOpen: false,
  localApi: null,
  hostCount: 1,
};

/** Replies whose end was seen: a late `chat.send` answer must not bring them back as live. */
const ENDED_MEMORY = 200;

export const createChatSlice: SliceCreator<ChatSlice> = ({ client }) => (set, get) => {
  // Ends already seen, by message id: a late send answer must neither revive them as live nor
  // lose them (a fast reply can end before the send that started it is answered).
  const ended = new Map<string, ChatEndEvent>();
  const patch = (change: Partial<ChatState> | ((chat: ChatState) => Partial<ChatState>)): void =>
    set((state) => ({ chat: { ...state.chat, ...(typeof change === 'function' ? change(state.chat) : change) } }));

  /** The answer of send, regenerate and resend: the saved conversation and its new streams. */
  const applyTurn = (turn: ChatTurn): void =>
    patch((chat) => {
      const conversation = turn.streams.reduce((c, s) => {
        const end = ended.get(s.messageId);
        return end ? withEndedMessage(c, end) : c;
      }, turn.conversation);
      return {
      currentId: chat.currentId === null || chat.currentId === conversation.id ? conversation.id : chat.currentId,
      current: chat.currentId === null || chat.currentId === conversation.id ? conversation : chat.current,
      live: withStreams(chat.live, turn.streams, ended),
      list: upsertSummary(chat.list, conversation),
      pending: null,
      error: null,
      };
    });

  const applyConversation = (conversation: Conversation): void =>
    patch((chat) => ({
      current: chat.currentId === conversation.id ? conversation : chat.current,
      list: upsertSummary(chat.list, conversation),
    }));

  /** Saves a model choice on the open conversation, so regenerate and a reload use it too. */
  const saveModels = async (): Promise<void> => {
    const { chat } = get();
    if (chat.currentId === null) return;
    const model = selectChatModel(get());
    if (model === null) return;
    const compareModel = chat.compare ? selectCompareModel(get()) : null;
    const result = await attempt(() => client.call('chat.update', { id: chat.currentId ?? '', patch: { model, compareModel } }));
    if (result.ok) applyConversation(result.value);
    else patch({ error: result.error });
  };

  return {
    chat: INITIAL,

    async loadConversations(query = get().chat.query) {
      patch({ query });
      // Read with the list: a reply footer names its host only when there are several.
      void attempt(() => client.call('hosts.list', {})).then((hosts) => {
        if (hosts.ok) patch({ hostCount: hosts.value.length });
      });
      const result = await attempt(() => client.call('chat.list', { query }));
      // A newer search may have started meanwhile: its answer wins.
      if (get().chat.query !== query) return;
      patch(result.ok ? { list: result.value, listError: null } : { listError: result.error });
    },

    async openConversation(id) {
      patch({ currentId: id, current: null, error: null, pending: null });
      const result = await attempt(() => client.call('chat.get', { id }));
      if (get().chat.currentId !== id) return;
      if (!result.ok) {
        patch({ error: result.error, currentId: null });
        return;
      }
      const conversation = result.value;
      patch({
        current: conversation,
        model: conversation.model,
        compare: conversation.compareModel !== null,
        compareModel: conversation.compareModel ?? get().chat.compareModel,
      });
    },

    newConversation() {
      patch({ currentId: null, current: null, error: null, pending: null, draftSettings: DEFAULT_CHAT_SETTINGS });
    },

    pickChatModel(name) {
      patch({ model: name });
      void saveModels();
    },

    setCompare(on) {
      patch({ compare: on });
      void saveModels();
    },

    pickCompareModel(name) {
      patch({ compareModel: name });
      void saveModels();
    },

    async sendChat(content) {
      const state = get();
      const model = selectChatModel(state);
      const { chat } = state;
      if (model === null) {
        return { ok: false, error: new AppError('validation', 'Pick a model first.') };
      }
      patch({ pending: content, error: null });
      const result = await attempt(() =>
        client.call('chat.send', {
          conversationId: chat.currentId,
          content,
          model,
          compareModel: chat.compare ? selectCompareModel(state) : null,
          ...(chat.currentId === null ? { settings: chat.draftSettings } : {}),
        }),
      );
      if (result.ok) applyTurn(result.value);
      else patch({ pending: null, error: result.error });
      return result;
    },

    async stopChat() {
      const id = get().chat.currentId;
      if (id === null) return;
      const result = await attempt(() => client.call('chat.stop', { conversationId: id }));
      if (!result.ok) {
        patch({ error: result.error });
        return;
      }
      if (result.value.stopped > 0) return;
      // Nothing was streaming there: the end of a reply was missed (the event stream dropped).
      // The saved conversation is the truth; the stale live replies go.
      patch((chat) => ({ live: Object.fromEntries(Object.entries(chat.live).filter(([, r]) => r.conversationId !== id)) }));
      const saved = await attempt(() => client.call('chat.get', { id }));
      if (saved.ok) applyConversation(saved.value);
    },

    async regenerateReply(lane) {
      const id = get().chat.currentId;
      if (id === null) return;
      const result = await attempt(() => client.call('chat.regenerate', { conversationId: id, lane }));
      if (result.ok) applyTurn(result.value);
      else patch({ error: result.error });
    },

    async resendMessage(messageId, content) {
      const id = get().chat.currentId ?? '';
      const result = await attempt(() => client.call('chat.resend', { conversationId: id, messageId, content }));
      if (result.ok) applyTurn(result.value);
      else patch({ error: result.error });
      return result;
    },

    async renameConversation(id, title) {
      const result = await attempt(() => client.call('chat.rename', { id, title }));
      if (result.ok) {
        const summary = result.value;
        patch((chat) => ({
          list: chat.list?.map((s) => (s.id === id ? { ...summary, snippet: s.snippet } : s)) ?? null,
          current: chat.current?.id === id ? { ...chat.current, title: summary.title } : chat.current,
        }));
      }
      return result;
    },

    async deleteConversation(id) {
      const result = await attempt(() => client.call('chat.delete', { id }));
      if (!result.ok) {
        get().notifyError('Could not delete the conversation', result.error);
        return;
      }
      patch((chat) => ({
        list: chat.list?.filter((s) => s.id !== id) ?? null,
        ...(chat.currentId === id ? { currentId: null, current: null } : {}),
      }));
    },

    async updateChatSettings(settings) {
      const { chat } = get();
      if (chat.currentId === null) {
        patch({ draftSettings: settings });
        return;
      }
      const result = await attempt(() => client.call('chat.update', { id: chat.currentId ?? '', patch: { settings } }));
      if (result.ok) applyConversation(result.value);
      else patch({ error: result.error });
    },

    toggleChatSettings(open) {
      patch((chat) => ({ settingsOpen: open ?? !chat.settingsOpen }));
    },

    showChatModel(model) {
      return attempt(() => client.call('ollama.show', { model }));
    },

    dismissChatError() {
      patch({ error: null });
    },

    receiveChatDelta(delta) {
      if (ended.has(delta.messageId)) return;
      patch((chat) => ({ live: withDelta(chat.live, delta) }));
    },

    receiveChatEnd(end) {
      ended.set(end.message.id, end);
      if (ended.size > ENDED_MEMORY) ended.delete(ended.keys().next().value ?? '');
      patch((chat) => {
        const current = chat.current ? withEndedMessage(chat.current, end) : null;
        return {
          live: withoutReply(chat.live, end.message.id),
          current,
          list: current && current.id === end.conversationId ? upsertSummary(chat.list, current) : chat.list,
        };
      });
    },

    async loadLocalApi() {
      const result = await attempt(() => client.call('localApi.get', {}));
      if (result.ok) patch({ localApi: result.value });
    },

    async updateLocalApi(change) {
      const result = await attempt(() => client.call('localApi.update', change));
      if (result.ok) patch({ localApi: result.value });
      return result;
    },

    receiveLocalApi(state) {
      patch({ localApi: state });
    },

    receiveChatHosts(hosts) {
      patch({ hostCount: hosts.length });
    },
  };
};

/** Whether the open conversation has a reply streaming. */
export const selectChatStreaming = (s: AppState): boolean => isStreaming(s.chat.live, s.chat.currentId);
