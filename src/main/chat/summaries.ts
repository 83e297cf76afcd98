import type { Conversation, ConversationSummary } from '../../shared/chat';

/** The conversation list and its search: titles and message text, case-insensitive. */

const SNIPPET_RADIUS = 40;

function snippetAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - SNIPPET_RADIUS);
  const end = Math.min(text.length, index + length + SNIPPET_RADIUS);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

export function summaryOf(conversation: Conversation, snippet: string | null = null): ConversationSummary {
  return {
    id: conversation.id,
    title: conversation.title,
    model: conversation.model,
    compareModel: conversation.compareModel,
    updatedAt: conversation.updatedAt,
    messageCount: conversation.messages.length,
    snippet,
  };
}

/** The summary when the conversation matches the query, else null. An empty query matches all. */
export function matchConversation(conversation: Conversation, query: string): ConversationSummary | null {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return summaryOf(conversation);
  if (conversation.title.toLocaleLowerCase().includes(needle)) return summaryOf(conversation);
  for (const message of conversation.messages) {
    const index = message.content.toLocaleLowerCase().indexOf(needle);
    if (index >= 0) return summaryOf(conversation, snippetAround(message.content, index, needle.length));
  }
  return null;
}

export function listConversations(conversations: Iterable<Conversation>, query: string): ConversationSummary[] {
  const found: ConversationSummary[] = [];
  for (const conversation of conversations) {
    const summary = matchConversation(conversation, query);
    if (summary) found.push(summary);
  }
  return found.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)));
}

/** A title from the first message: its first line, cut at a word near 60 characters. */
export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 60) return line || 'New conversation';
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
