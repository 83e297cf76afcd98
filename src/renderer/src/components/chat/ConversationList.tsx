import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store-context';
import { ConversationItem } from './ConversationItem';

const SEARCH_DELAY_MS = 200;

/** The saved conversations, newest first, with New and a search over titles and text. */
export function ConversationList() {
  const list = useAppStore((s) => s.chat.list);
  const listError = useAppStore((s) => s.chat.listError);
  const currentId = useAppStore((s) => s.chat.currentId);
  const storedQuery = useAppStore((s) => s.chat.query);
  const loadConversations = useAppStore((s) => s.loadConversations);
  const newConversation = useAppStore((s) => s.newConversation);
  const [query, setQuery] = useState(storedQuery);

  useEffect(() => {
    if (query === storedQuery) return;
    const timer = window.setTimeout(() => void loadConversations(query), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query, storedQuery, loadConversations]);

  return (
    <aside className="chat-sidebar" aria-label="Conversations">
      <div className="chat-sidebar__top">
        <button type="button" className="button button--primary chat-sidebar__new" data-testid="chat-new" onClick={newConversation}>
          New conversation
        </button>
        <input
          type="search"
          aria-label="Search conversations"
          data-testid="chat-search"
          placeholder="Search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {listError && (
        <p className="field-error chat-sidebar__note" role="alert">
          {listError.message}{' '}
          <button type="button" className="button button--small" onClick={() => void loadConversations()}>
            Try again
          </button>
        </p>
      )}
      {list === null && !listError && (
        <p className="muted chat-sidebar__note" role="status">
          Loading…
        </p>
      )}
      {list !== null && list.length === 0 && (
        <p className="muted chat-sidebar__note">{storedQuery ? `No conversation mentions “${storedQuery}”.` : 'No conversations yet.'}</p>
      )}
      {list !== null && list.length > 0 && (
        <ul className="conversation-list" data-testid="conversation-list">
          {list.map((summary) => (
            <ConversationItem key={summary.id} summary={summary} active={summary.id === currentId} />
          ))}
        </ul>
      )}
    </aside>
  );
}
