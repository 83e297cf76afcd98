import type { LiveRef } from './thread-items';
import { labelForModel } from '../../store/chat-selectors';
import { useAppStore } from '../../store/store-context';
import { ollamaWaitText } from '../../models/ollama-wait';
import { MarkdownView } from './MarkdownView';
import { ThinkingView } from './ThinkingView';

/** A reply still streaming: it alone re-renders as its text grows. */
export function LiveReplyView({ reply, showModel }: { reply: LiveRef; showModel: boolean }) {
  const text = useAppStore((s) => s.chat.live[reply.messageId]?.text ?? '');
  const waiting = useAppStore((s) => s.chat.live[reply.messageId]?.waitingSeconds ?? null);
  const thinking = useAppStore((s) => s.chat.live[reply.messageId]?.thinking ?? '');
  const thoughtMs = useAppStore((s) => s.chat.live[reply.messageId]?.thinkingMs ?? null);
  const modelLabel = useAppStore((s) => labelForModel(s, reply.model));
  return (
    <article
      className="chat-message chat-message--reply chat-message--streaming"
      data-testid="chat-reply"
      data-state="streaming"
      data-lane={reply.lane}
      data-model={reply.model}
      aria-label={`Reply from ${modelLabel}, being written`}
      aria-busy="true"
    >
      {showModel && <p className="chat-message__model">{modelLabel}</p>}
      {thinking !== '' && <ThinkingView text={thinking} thinkingMs={thoughtMs} thinking={text === ''} />}
      <div data-testid="reply-content">
        {text === '' && thinking === '' ? (
          <span className="chat-typing">
            <span className="visually-hidden">Waiting for the first token</span>
          </span>
        ) : text === '' ? null : (
          <MarkdownView text={text} />
        )}
      </div>
      {waiting !== null && waiting > 0 && (
        <p className="chat-message__waiting muted" role="status" data-testid="reply-waiting">
          {ollamaWaitText(waiting)}. It may be loading the model; Stop ends the wait.
        </p>
      )}
    </article>
  );
}
