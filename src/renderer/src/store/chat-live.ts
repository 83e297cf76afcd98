import type { ChatDeltaEvent, ChatEndEvent, ChatLane, ChatStream, Conversation, ConversationSummary } from '../../../shared/chat';

/**
 * The pure part of the chat store: folding stream events into state. Events and call answers can
 * arrive in either order (IPC replies and events travel separately), so a reply's first delta may
 * come before the `chat.send` answer that announced it; both paths create the same live entry.
 */

export interface LiveReply {
  messageId: string;
  conversationId: string;
  lane: ChatLane;
  model: string;
  text: string;
  /** What the model thinks before answering, as it streams. */
  thinking?: string;
  /** When its first thought arrived (ms, `now`'s clock), and how long it thought once the answer began. */
  thinkingStartedAt?: number;
  thinkingMs?: number;
  /** Seconds Ollama has sent nothing, while it lasts (a loading model, or a stall). */
  waitingSeconds?: number | null;
}

export type LiveReplies = Readonly<Record<string, LiveReply>>;

export function withDelta(live: LiveReplies, delta: ChatDeltaEvent, now: number = Date.now()): LiveReplies {
  const current = live[delta.messageId];
  const waitingSeconds = delta.waitingSeconds ?? null;
  const thought = delta.thinking ?? '';
  const base: LiveReply = current ?? { messageId: delta.messageId, conversationId: delta.conversationId, lane: delta.lane, model: delta.model, text: '' };
  const next: LiveReply = { ...base, text: base.text + delta.text, waitingSeconds };
  if (thought !== '') {
    next.thinking = (base.thinking ?? '') + thought;
    next.thinkingStartedAt = base.thinkingStartedAt ?? now;
  }
  // The answer's first words end the thinking: "Thought for N s" from then on.
  if (delta.text !== '' && next.thinkingStartedAt !== undefined && next.thinkingMs === undefined) next.thinkingMs = now - next.thinkingStartedAt;
  return { ...live, [delta.messageId]: next };
}

/** Announced streams that have no entry yet; an ended one (in `ended`) is not revived. */
export function withStreams(live: LiveReplies, streams: readonly ChatStream[], ended: { has(messageId: string): boolean }): LiveReplies {
  const missing = streams.filter((s) => !live[s.messageId] && !ended.has(s.messageId));
  if (missing.length === 0) return live;
  const next = { ...live };
  for (const s of missing) next[s.messageId] = { messageId: s.messageId, conversationId: s.conversationId, lane: s.lane, model: s.model, text: '' };
  return next;
}

export function withoutReply(live: LiveReplies, messageId: string): LiveReplies {
  if (!live[messageId]) return live;
  const next = { ...live };
  delete next[messageId];
  return next;
}

/** The saved reply replaces any copy of it (an end may repeat after a reconnect). */
export function withEndedMessage(conversation: Conversation, end: ChatEndEvent): Conversation {
  if (conversation.id !== end.conversationId) return conversation;
  const others = conversation.messages.filter((m) => m.id !== end.message.id);
  return { ...conversation, messages: [...others, end.message] };
}

/** The list entry for a conversation, moved to the top (it is the newest). */
export function upsertSummary(list: readonly ConversationSummary[] | null, conversation: Conversation): ConversationSummary[] | null {
  if (list === null) return null;
  const summary: ConversationSummary = {
    id: conversation.id,
    title: conversation.title,
    model: conversation.model,
    compareModel: conversation.compareModel,
    updatedAt: conversation.updatedAt,
    messageCount: conversation.messages.length,
    snippet: list.find((s) => s.id === conversation.id)?.snippet ?? null,
  };
  return [summary, ...list.filter((s) => s.id !== conversation.id)];
}

export function isStreaming(live: LiveReplies, conversationId: string | null): boolean {
  if (conversationId === null) return false;
  return Object.values(live).some((r) => r.conversationId === conversationId);
}
