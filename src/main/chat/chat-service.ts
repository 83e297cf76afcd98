import { randomUUID } from 'node:crypto';
import {
  DEFAULT_CHAT_SETTINGS,
  type ChatLane,
  type ChatMessage,
  type ChatSettings,
  type ChatStream,
  type ChatTurn,
  type Conversation,
  type ConversationSummary,
} from '../../shared/chat';
import { AppError } from '../../shared/errors';
import type { Registry } from '../../shared/registry';
import type { EventBus } from '../events';
import { chatErrorOf, internalFailure } from './chat-errors';
import type { ConversationStore } from './conversation-store';
import { DeltaBatcher, FRAME_MS } from './delta-batcher';
import { activeLanes, buildChatRequest, laneModel } from './messages';
import type { ChatFinalStats, ChatStreamer, OllamaChatRequest } from './ollama-chat';
import { ReplyThinking } from './reply-thinking';
import { listConversations, summaryOf, titleFrom } from './summaries';
import { measuredTimings, timingsFromStats } from './timings';

/**
 * Conversations and their streaming replies. A user message is saved before its replies start,
 * and each reply is saved once when it ends (complete, stopped or failed), so a crash mid-reply
 * loses only that partial reply. While a reply streams, its text goes out as `chat.delta` events
 * (at most one per frame) and its end as `chat.end`; a stop aborts the Ollama request at once.
 * While Ollama is silent (loading a model, or stuck) a text-less `chat.delta` says for how long.
 * One turn at a time per conversation: a new message waits until the replies are done or stopped.
 */

export interface ChatServiceOptions {
  store: ConversationStore;
  bus: EventBus;
  stream: ChatStreamer;
  /** The open workspace's registry, to tell "not built yet" from "not in Ollama". */
  registry: () => Registry | null;
  /** Wall clock for saved times. */
  now?: () => Date;
  /** Monotonic clock in ms for timings. */
  clock?: () => number;
  frameMs?: number;
  newId?: () => string;
  log?: (line: string) => void;
}

export interface SendInput {
  conversationId: string | null;
  content: string;
  model: string;
  compareModel: string | null;
  settings?: ChatSettings | undefined;
}

export interface ConversationPatch {
  title?: string | undefined;
  model?: string | undefined;
  compareModel?: string | null | undefined;
  settings?: ChatSettings | undefined;
}

interface Reply {
  stream: ChatStream;
  controller: AbortController;
  finished: Promise<void>;
}

/** The replies of one conversation's current turn; empty while the turn is being set up. */
interface Turn {
  replies: Reply[];
  /** Stopped while being set up: no reply starts. */
  stopped: boolean;
}

export class ChatService {
  private readonly turns = new Map<string, Turn>();
  private readonly now: () => Date;
  private readonly clock: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: ChatServiceOptions) {
    this.now = options.now ?? (() => new Date());
    this.clock = options.clock ?? (() => performance.now());
    this.newId = options.newId ?? (() => randomUUID());
  }

  async list(query = ''): Promise<ConversationSummary[]> {
    return listConversations(await this.options.store.all(), query);
  }

  get(id: string): Promise<Conversation> {
    return this.options.store.get(id);
  }

  /** True while a reply of the conversation is streaming. */
  isStreaming(conversationId: string): boolean {
    return this.turns.has(conversationId);
  }

  async send(input: SendInput): Promise<ChatTurn> {
    const user = this.userMessage(input.content);
    if (input.conversationId === null) {
      const stamp = this.now().toISOString();
      const conversation: Conversation = {
        id: this.newId(),
        title: titleFrom(input.content),
        createdAt: stamp,
        updatedAt: stamp,
        model: input.model,
        compareModel: input.compareModel,
        settings: input.settings ?? DEFAULT_CHAT_SETTINGS,
        messages: [user],
      };
      return this.withTurn(conversation.id, (_id, prepared) => this.options.store.create(conversation, prepared), activeLanes);
    }
    return this.withTurn(
      input.conversationId,
      (id, prepared) =>
        this.options.store.update(
          id,
          (c) => ({
            ...c,
            model: input.model,
            compareModel: input.compareModel,
            updatedAt: user.createdAt,
            messages: [...c.messages, user],
          }),
          prepared,
        ),
      activeLanes,
    );
  }

  /** A new reply in `lane` to the last user message, replacing the one there. */
  regenerate(conversationId: string, lane: ChatLane): Promise<ChatTurn> {
    return this.withTurn(
      conversationId,
      (id, prepared) =>
        this.options.store.update(
          id,
          (c) => {
            if (laneModel(c, lane) === null) throw new AppError('validation', 'This conversation compares no second model; pick one first.');
            const lastUser = c.messages.findLastIndex((m) => m.role === 'user');
            if (lastUser < 0) throw new AppError('validation', 'There is no message to reply to yet.');
            const messages = c.messages.filter((m, i) => i <= lastUser || m.lane !== lane);
            return { ...c, messages, updatedAt: this.now().toISOString() };
          },
          prepared,
        ),
      () => [lane],
    );
  }

  /** Replaces a user message, drops everything after it, and asks again. */
  resend(conversationId: string, messageId: string, content: string): Promise<ChatTurn> {
    return this.withTurn(
      conversationId,
      (id, prepared) =>
        this.options.store.update(
          id,
          (c) => {
            const index = c.messages.findIndex((m) => m.id === messageId && m.role === 'user');
            if (index < 0) throw new AppError('not_found', 'That message is no longer in the conversation.');
            const user = this.userMessage(content);
            return { ...c, messages: [...c.messages.slice(0, index), user], updatedAt: user.createdAt };
          },
          prepared,
        ),
      activeLanes,
    );
  }

  /** Aborts the conversation's replies; resolves once the partial replies are saved. */
  async stop(conversationId: string): Promise<number> {
    const turn = this.turns.get(conversationId);
    if (!turn) return 0;
    turn.stopped = true;
    for (const reply of turn.replies) reply.controller.abort();
    await Promise.all(turn.replies.map((reply) => reply.finished));
    return turn.replies.length;
  }

  async update(id: string, patch: ConversationPatch): Promise<Conversation> {
    return this.options.store.update(id, (c) => ({
      ...c,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.model !== undefined ? { model: patch.model } : {}),
      ...(patch.compareModel !== undefined ? { compareModel: patch.compareModel } : {}),
      ...(patch.settings !== undefined ? { settings: patch.settings } : {}),
      updatedAt: this.now().toISOString(),
    }));
  }

  async rename(id: string, title: string): Promise<ConversationSummary> {
    return summaryOf(await this.update(id, { title }));
  }

  async delete(id: string): Promise<void> {
    await this.stop(id);
    await this.options.store.delete(id);
  }

  /** Stops every reply (app shutdown) and waits until each partial reply is saved. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.turns.keys()].map((id) => this.stop(id)));
  }

  private userMessage(content: string): ChatMessage {
    return {
      id: this.newId(),
      role: 'user',
      content,
      createdAt: this.now().toISOString(),
      model: null,
      lane: null,
      state: 'complete',
      error: null,
      timings: null,
    };
  }

  /**
   * Claims the conversation (synchronously, so two quick sends cannot both start), saves the
   * prepared version and starts a reply per lane. The Ollama requests start while the save is
   * still being written (Ollama's load time hides the disk's), but nothing of a reply is shown
   * or saved before the user's message is on disk; if that write fails, the replies are dropped.
   * The claim ends when the last reply has been saved.
   */
  private async withTurn(
    conversationId: string,
    prepare: (id: string, prepared: (next: Conversation) => void) => Promise<Conversation>,
    lanes: (conversation: Conversation) => ChatLane[],
  ): Promise<ChatTurn> {
    if (this.turns.has(conversationId)) {
      throw new AppError('conflict', 'A reply is still being written in this conversation. Stop it or wait for it to finish.');
    }
    const turn: Turn = { replies: [], stopped: false };
    this.turns.set(conversationId, turn);
    let saved!: { resolve(): void; reject(error: unknown): void };
    const written = new Promise<void>((resolve, reject) => (saved = { resolve, reject }));
    written.catch(() => undefined);

    const start = (next: Conversation): void => {
      const started = (turn.stopped ? [] : lanes(next)).flatMap((lane) => {
        const model = laneModel(next, lane);
        return model === null ? [] : [{ lane, model }];
      });
      // Released before the last chat.end goes out, so a client may send again as soon as it sees it.
      let remaining = started.length;
      const release = (): void => {
        remaining--;
        if (remaining <= 0 && this.turns.get(conversationId) === turn) this.turns.delete(conversationId);
      };
      for (const { lane, model } of started) turn.replies.push(this.startReply(next, lane, model, written, release));
    };

    let conversation: Conversation;
    try {
      conversation = await prepare(conversationId, start);
    } catch (error) {
      saved.reject(error);
      if (this.turns.get(conversationId) === turn) this.turns.delete(conversationId);
      throw error;
    }
    saved.resolve();
    if (turn.replies.length === 0 && this.turns.get(conversationId) === turn) this.turns.delete(conversationId);
    return { conversation, streams: turn.replies.map((reply) => reply.stream) };
  }

  private startReply(conversation: Conversation, lane: ChatLane, model: string, written: Promise<void>, release: () => void): Reply {
    const stream: ChatStream = {
      conversationId: conversation.id,
      messageId: this.newId(),
      lane,
      model,
      startedAt: this.now().toISOString(),
    };
    const controller = new AbortController();
    let released = false;
    const releaseOnce = (): void => {
      if (released) return;
      released = true;
      release();
    };
    const finished = (async () => this.run(stream, buildChatRequest(conversation, lane, model), controller, written, releaseOnce))().catch(
      (error: unknown) => this.failUnexpectedly(stream, error, releaseOnce),
    );
    return { stream, controller, finished };
  }

  /**
   * A bug while a reply ran in the background (nobody awaits it): logged with its stack, the turn
   * released and the reply ended as failed, so the conversation goes on and the process lives.
   */
  private failUnexpectedly(stream: ChatStream, error: unknown, release: () => void): void {
    this.options.log?.(`[chat] a reply in ${stream.conversationId} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    release();
    const message = internalFailure(stream);
    this.options.bus.emit('chat.end', { conversationId: stream.conversationId, message });
  }

  private async run(stream: ChatStream, request: OllamaChatRequest, controller: AbortController, written: Promise<void>, release: () => void): Promise<void> {
    const { bus } = this.options;
    const { signal } = controller;
    const batcher = new DeltaBatcher(
      (text) =>
        bus.emit('chat.delta', { conversationId: stream.conversationId, messageId: stream.messageId, lane: stream.lane, model: stream.model, text }),
      this.options.frameMs ?? FRAME_MS,
    );
    const { conversationId, messageId, lane, model } = stream;
    const thinking = new ReplyThinking((text) => bus.emit('chat.delta', { conversationId, messageId, lane, model, text: '', thinking: text }), this.options.frameMs ?? FRAME_MS, this.clock);
    const startedAt = this.clock();
    let firstTokenAt: number | null = null;
    let tokens = 0;
    let content = '';
    let stats: ChatFinalStats | null = null;
    let failure: unknown = null;
    // Nothing of a reply is shown before the user's message is saved, not even the wait.
    let saved = false;
    const onWaiting = (waitingSeconds: number | null): void => {
      if (signal.aborted || !saved) return;
      batcher.flush();
      bus.emit('chat.delta', { conversationId: stream.conversationId, messageId: stream.messageId, lane: stream.lane, model: stream.model, text: '', waitingSeconds });
    };
    let host: string | null = null;
    const events = this.options.stream(request, signal, onWaiting, (name) => (host = name))[Symbol.asyncIterator]();
    // Asking for the first event sends the request now, while the user's message is being saved.
    let step = events.next();
    step.catch(() => undefined);
    try {
      await written;
      saved = true;
    } catch {
      // The user's message could not be saved, so the turn failed: this reply never existed.
      controller.abort();
      await events.return?.(undefined).catch(() => undefined);
      release();
      return;
    }
    try {
      for (;;) {
        const { done, value: event } = await step;
        if (done) break;
        if (event.type === 'done') {
          stats = event.stats;
        } else if (event.type === 'thinking') {
          firstTokenAt ??= this.clock();
          thinking.push(event.text);
        } else if (event.type === 'delta') {
          // The answer starts: what was thought goes out before it.
          thinking.flush();
          firstTokenAt ??= this.clock();
          tokens++;
          content += event.text;
          batcher.push(event.text);
        }
        step = events.next();
      }
    } catch (error) {
      // A stop is not a failure: the reply is kept as far as it got.
      if (!signal.aborted) failure = error;
    }
    thinking.flush();
    batcher.flush();

    const endedAt = this.clock();
    const message: ChatMessage = {
      id: stream.messageId,
      role: 'assistant',
      content,
      createdAt: stream.startedAt,
      model: stream.model,
      lane: stream.lane,
      state: failure !== null ? 'failed' : stats !== null ? 'complete' : 'stopped',
      error: failure !== null ? chatErrorOf(failure, stream.model, this.options.registry()) : null,
      timings:
        stats !== null
          ? timingsFromStats(stats, firstTokenAt === null ? null : firstTokenAt - startedAt)
          : tokens > 0
            ? measuredTimings({ startedAt, firstTokenAt, endedAt, tokens })
            : null,
      ...(host !== null ? { host } : {}),
      ...thinking.fields(),
    };
    try {
      await this.options.store.update(stream.conversationId, (c) => ({
        ...c,
        updatedAt: this.now().toISOString(),
        messages: [...c.messages, message],
      }));
    } catch (error) {
      // Deleted while the reply streamed: nothing left to save it in. Anything else is worth a line.
      if (!(error instanceof AppError && error.kind === 'not_found')) {
        this.options.log?.(`[chat] could not save a reply in ${stream.conversationId}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    release();
    bus.emit('chat.end', { conversationId: stream.conversationId, message });
  }
}
