import type { ChatLane, ChatMessage, Conversation } from '../../../../shared/chat';
import type { LiveReply } from '../../store/chat-live';

/** A streaming reply as the thread places it; its text is read by the reply's own view. */
export type LiveRef = Pick<LiveReply, 'messageId' | 'lane' | 'model'>;

/**
 * What a thread column shows, in order: saved messages, the replies streaming now, the message
 * being sent, and, where a lane has no answer to the last question (the app was closed while
 * it streamed), a place to ask for one.
 */
export type ThreadItem =
  | { kind: 'message'; message: ChatMessage; lastOfLane: boolean }
  | { kind: 'live'; reply: LiveRef }
  | { kind: 'pending'; content: string }
  | { kind: 'no-reply'; lane: ChatLane };

export interface ThreadInput {
  conversation: Conversation | null;
  live: readonly LiveRef[];
  pending: string | null;
  /** The lane this column shows; null shows every message in order. */
  lane: ChatLane | null;
  /** Lanes that should answer (a, and b while comparing). */
  activeLanes: readonly ChatLane[];
}

export function threadItems({ conversation, live, pending, lane, activeLanes }: ThreadInput): ThreadItem[] {
  const messages = (conversation?.messages ?? []).filter((m) => lane === null || m.role === 'user' || m.lane === lane);
  const lastReplyOfLane = new Map<ChatLane, string>();
  const lastUser = messages.findLastIndex((m) => m.role === 'user');
  messages.forEach((m, i) => {
    if (m.role === 'assistant' && m.lane && i > lastUser) lastReplyOfLane.set(m.lane, m.id);
  });
  const items: ThreadItem[] = messages.map((message) => ({
    kind: 'message',
    message,
    lastOfLane: message.lane !== null && lastReplyOfLane.get(message.lane) === message.id,
  }));
  const liveHere = live.filter((r) => lane === null || r.lane === lane);
  for (const reply of liveHere) items.push({ kind: 'live', reply });
  if (pending !== null) {
    items.push({ kind: 'pending', content: pending });
    return items;
  }
  if (lastUser >= 0) {
    for (const l of lane === null ? activeLanes.slice(0, 1) : [lane]) {
      if (!activeLanes.includes(l)) continue;
      const answered = lastReplyOfLane.has(l) || live.some((r) => r.lane === l);
      if (!answered) items.push({ kind: 'no-reply', lane: l });
    }
  }
  return items;
}
