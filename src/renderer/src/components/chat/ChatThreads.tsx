import { useShallow } from 'zustand/react/shallow';
import type { ChatLane } from '../../../../shared/chat';
import { labelForModel, selectChatModel, selectChatModelOptions, selectCompareModel } from '../../store/chat-selectors';
import { selectChatStreaming } from '../../store/chat-slice';
import { useAppStore } from '../../store/store-context';
import { LiveReplyView } from './LiveReplyView';
import { ReplyView } from './ReplyView';
import { threadItems, type LiveRef, type ThreadItem } from './thread-items';
import { useStickToBottom } from './use-stick-to-bottom';
import { UserMessage } from './UserMessage';

const SEP = '\u0000';

/** The open conversation's streaming replies, as stable strings so a new token does not re-render the thread. */
function useLiveRefs(): LiveRef[] {
  const keys = useAppStore(
    useShallow((s) =>
      Object.values(s.chat.live)
        .filter((r) => r.conversationId === s.chat.currentId)
        .map((r) => [r.messageId, r.lane, r.model].join(SEP)),
    ),
  );
  return keys.map((key) => {
    const [messageId = '', lane = 'a', model = ''] = key.split(SEP);
    return { messageId, lane: lane as ChatLane, model };
  });
}

function NoReply({ lane }: { lane: ChatLane }) {
  const regenerateReply = useAppStore((s) => s.regenerateReply);
  return (
    <div className="chat-message chat-message--reply chat-message--missing" data-testid="chat-no-reply" data-lane={lane}>
      <p className="muted">No reply was saved for this message (the app closed while it was being written).</p>
      <button type="button" className="button button--small" onClick={() => void regenerateReply(lane)}>
        Get a reply
      </button>
    </div>
  );
}

function Item({ item, showModel, streaming }: { item: ThreadItem; showModel: boolean; streaming: boolean }) {
  switch (item.kind) {
    case 'message':
      return item.message.role === 'user' ? (
        <UserMessage message={item.message} canEdit={!streaming} />
      ) : (
        <ReplyView message={item.message} showModel={showModel} canRegenerate={item.lastOfLane && !streaming} />
      );
    case 'live':
      return <LiveReplyView reply={item.reply} showModel={showModel} />;
    case 'pending':
      return (
        <div className="chat-message chat-message--user chat-message--pending" data-testid="chat-message" data-role="user" aria-busy="true">
          <p className="chat-message__bubble chat-message__text">{item.content}</p>
        </div>
      );
    case 'no-reply':
      return streaming ? null : <NoReply lane={item.lane} />;
  }
}

function EmptyThread() {
  const hasModels = useAppStore((s) => selectChatModelOptions(s).length > 0);
  const navigate = useAppStore((s) => s.navigate);
  if (!hasModels) {
    return (
      <div className="chat-empty" data-testid="chat-empty">
        <h3>No model to chat with yet</h3>
        <p className="muted">Models appear here once Ollama has them: build one of yours, or pull one.</p>
        <button type="button" className="button button--primary" onClick={() => navigate('models')}>
          Go to Models
        </button>
      </div>
    );
  }
  return (
    <div className="chat-empty" data-testid="chat-empty">
      <h3>Ask something</h3>
      <p className="muted">Replies stream in as the model writes them. Turn on Compare to ask two models at once.</p>
    </div>
  );
}

/** The messages: one column, or one per model while comparing. */
export function ChatThreads() {
  const conversation = useAppStore((s) => s.chat.current);
  const currentId = useAppStore((s) => s.chat.currentId);
  const pending = useAppStore((s) => s.chat.pending);
  const compare = useAppStore((s) => s.chat.compare);
  const streaming = useAppStore(selectChatStreaming);
  const laneModels = useAppStore(useShallow((s) => [selectChatModel(s) ?? '', selectCompareModel(s) ?? ''] as const));
  const laneLabels = useAppStore(useShallow((s) => laneModels.map((m) => (m ? labelForModel(s, m) : ''))));
  const live = useLiveRefs();
  const { scroller, content } = useStickToBottom();

  const shown = currentId === null || conversation?.id === currentId ? conversation : null;
  const activeLanes: ChatLane[] = compare ? ['a', 'b'] : ['a'];
  const columns: Array<ChatLane | null> = compare ? ['a', 'b'] : [null];
  const models = new Set((shown?.messages ?? []).map((m) => m.model).filter(Boolean));
  const empty = (shown?.messages.length ?? 0) === 0 && pending === null && live.length === 0;
  const loading = currentId !== null && shown === null;

  return (
    <div className="chat-threads" ref={scroller} data-testid="chat-threads">
      <div className="chat-threads__content" ref={content} data-compare={compare}>
        {loading ? (
          <p className="muted chat-loading" role="status">
            <span className="spinner" aria-hidden="true" /> Loading the conversation…
          </p>
        ) : empty ? (
          <EmptyThread />
        ) : (
          columns.map((lane) => (
            <section
              key={lane ?? 'all'}
              className="chat-lane"
              data-testid="chat-thread"
              data-lane={lane ?? 'all'}
              aria-label={lane ? `Replies from ${laneLabels[lane === 'a' ? 0 : 1]}` : 'Messages'}
            >
              {lane && (
                <h3 className="chat-lane__title truncate" title={laneLabels[lane === 'a' ? 0 : 1]}>
                  {laneLabels[lane === 'a' ? 0 : 1]}
                </h3>
              )}
              {threadItems({ conversation: shown, live, pending, lane, activeLanes }).map((item) => (
                <Item
                  key={item.kind === 'message' ? item.message.id : item.kind === 'live' ? item.reply.messageId : `${item.kind}-${lane ?? 'all'}`}
                  item={item}
                  showModel={lane === null && models.size > 1}
                  streaming={streaming}
                />
              ))}
            </section>
          ))
        )}
      </div>
    </div>
  );
}
