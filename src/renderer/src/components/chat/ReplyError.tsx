import { useState } from 'react';
import type { ChatError, ChatLane } from '../../../../shared/chat';
import { useAppStore } from '../../store/store-context';
import { useOllamaGate } from '../common/use-ollama-gate';
import { MessageText } from '../text/MessageText';

interface ReplyErrorProps {
  error: ChatError;
  lane: ChatLane | null;
  /** Retry is offered only on the last reply of its lane. */
  canRetry: boolean;
}

/** What went wrong with a reply, in words, and the one action that fixes it. */
export function ReplyError({ error, lane, canRetry }: ReplyErrorProps) {
  const openModel = useAppStore((s) => s.openModel);
  const requestCreate = useAppStore((s) => s.requestCreate);
  const pullModel = useAppStore((s) => s.pullModel);
  const regenerateReply = useAppStore((s) => s.regenerateReply);
  const [pulling, setPulling] = useState(false);
  const gate = useOllamaGate();
  const needsOllama = { title: gate.reason ?? undefined, 'aria-describedby': gate.describedBy };
  const model = error.model;

  return (
    <div className="reply-error" role="alert" data-testid="reply-error" data-fix={error.fix ?? undefined}>
      <p className="reply-error__message">
        <MessageText text={error.message} />
      </p>
      <div className="reply-error__actions">
        {error.fix === 'create' && model && (
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="reply-fix"
            disabled={gate.blocked}
            {...needsOllama}
            onClick={() => {
              // To the model, where its build shows, and start the build there.
              openModel(model);
              void requestCreate(model);
            }}
          >
            Create it
          </button>
        )}
        {error.fix === 'pull' && model && (
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="reply-fix"
            disabled={pulling || gate.blocked}
            {...needsOllama}
            onClick={() => {
              setPulling(true);
              void pullModel(model).then((result) => setPulling(result.ok));
            }}
          >
            {pulling ? 'Pulling — see Jobs' : 'Pull it'}
          </button>
        )}
        {canRetry && lane && (
          <button
            type="button"
            className="button button--small"
            data-testid="reply-retry"
            disabled={gate.blocked}
            {...needsOllama}
            onClick={() => void regenerateReply(lane)}
          >
            Try again
          </button>
        )}
        {gate.note}
      </div>
    </div>
  );
}
