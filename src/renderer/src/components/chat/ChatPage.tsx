import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';
import '../../styles/chat.css';
import { ChatHeader } from './ChatHeader';
import { ChatSettingsPanel } from './ChatSettingsPanel';
import { ChatThreads } from './ChatThreads';
import { Composer } from './Composer';
import { ConversationList } from './ConversationList';

/** Conversations on the left, the thread and the message box in the middle, settings on the right. */
export function ChatPage() {
  const listLoaded = useAppStore((s) => s.chat.list !== null);
  const settingsOpen = useAppStore((s) => s.chat.settingsOpen);
  const loadConversations = useAppStore((s) => s.loadConversations);

  useEffect(() => {
    if (!listLoaded) void loadConversations();
  }, [listLoaded, loadConversations]);

  return (
    <section className="page chat-page" aria-labelledby="chat-title" data-testid="chat-page">
      <h1 id="chat-title" className="visually-hidden">
        Chat
      </h1>
      <div className="chat-layout">
        <ConversationList />
        <div className="chat-main">
          <ChatHeader />
          <ChatThreads />
          <Composer />
        </div>
        {settingsOpen && <ChatSettingsPanel />}
      </div>
    </section>
  );
}
