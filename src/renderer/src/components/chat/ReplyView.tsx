import type { ChatMessage } from '../../../../shared/chat';
import { labelForModel } from '../../store/chat-selectors';
import { useAppStore } from '../../store/store-context';
import { CopyButton } from './CopyButton';
import { MarkdownView } from './MarkdownView';
import { ReplyError } from './ReplyError';
import { ReplyTimings } from './ReplyTimings';
import { ThinkingView } from './ThinkingView';

interface ReplyViewProps {
  message: ChatMessage;
  /** Shown when replies of several models share a column. */
  showModel: boolean;
  /** Regenerate and retry are offered on the last reply of a lane, while nothing streams. */
  canRegenerate: boolean;
}

/** A saved reply: markdown, what went wrong if anything, its timings, Copy and Regenerate. */
export function ReplyView({ message, showModel, canRegenerate }: ReplyViewProps) {
  const regenerateReply = useAppStore((s) => s.regenerateReply);
  const modelLabel = useAppStore((s) => (message.model ? labelForModel(s, message.model) : null));
  // Which Ollama answered matters only when there is more than one.
  const host = useAppStore((s) => (s.chat.hostCount > 1 ? (message.host ?? null) : null));
  const lane = message.lane;
  return (
    <article
      className={`chat-message chat-message--reply chat-message--${message.state}`}
      data-testid="chat-reply"
      data-state={message.state}
      data-lane={lane ?? undefined}
      data-model={message.model ?? undefined}
      aria-label={`Reply${modelLabel ? ` from ${modelLabel}` : ''}`}
    >
      {showModel && modelLabel && <p className="chat-message__model">{modelLabel}</p>}
      {message.thinking && <ThinkingView text={message.thinking} thinkingMs={message.thinkingMs ?? null} thinking={false} />}
      {message.content !== '' && (
        <div data-testid="reply-content">
          <MarkdownView text={message.content} />
        </div>
      )}
      {message.error && <ReplyError error={message.error} lane={lane} canRetry={canRegenerate && message.error.fix !== 'create' && message.error.fix !== 'pull'} />}
      <footer className="chat-message__footer">
        <ReplyTimings message={message} />
        {host && (
          <p className="reply-host" data-testid="reply-host" title="The Ollama host that answered">
            on {host}
          </p>
        )}
        <div className="chat-message__actions">
          {message.content !== '' && <CopyButton text={message.content} label="Copy reply" testId="reply-copy" />}
          {canRegenerate && lane && !message.error && (
            <button type="button" className="chat-action" data-testid="reply-regenerate" onClick={() => void regenerateReply(lane)}>
              Regenerate
            </button>
          )}
        </div>
      </footer>
    </article>
  );
}
