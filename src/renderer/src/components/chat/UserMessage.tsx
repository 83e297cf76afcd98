import { useId, useState, type KeyboardEvent } from 'react';
import type { ChatMessage } from '../../../../shared/chat';
import { useAppStore } from '../../store/store-context';
import { CopyButton } from './CopyButton';

interface UserMessageProps {
  message: ChatMessage;
  /** Editing is offered only while nothing streams (a resend replaces what follows). */
  canEdit: boolean;
}

/** One of the user's messages: Copy, and Edit to change it and ask again (what followed is dropped). */
export function UserMessage({ message, canEdit }: UserMessageProps) {
  const resendMessage = useAppStore((s) => s.resendMessage);
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const submit = async () => {
    if (draft === null || draft.trim() === '') return;
    setSaving(true);
    const result = await resendMessage(message.id, draft);
    setSaving(false);
    if (result.ok) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setDraft(null);
    } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  if (draft !== null) {
    return (
      <div className="chat-message chat-message--user chat-message--editing" data-testid="chat-message" data-role="user">
        <label htmlFor={id} className="visually-hidden">
          Edit your message
        </label>
        <textarea id={id} className="chat-edit" data-testid="message-edit-input" value={draft} autoFocus rows={3} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
        <p className="field-hint">Sending replaces this message and drops everything after it.</p>
        <div className="chat-message__actions">
          <button type="button" className="button button--small button--primary" data-testid="message-edit-send" disabled={saving || draft.trim() === ''} onClick={() => void submit()}>
            Send
          </button>
          <button type="button" className="button button--small" onClick={() => setDraft(null)}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="chat-message chat-message--user" data-testid="chat-message" data-role="user">
      <p className="chat-message__bubble chat-message__text">{message.content}</p>
      <div className="chat-message__actions">
        <CopyButton text={message.content} label="Copy message" />
        {canEdit && (
          <button type="button" className="chat-action" data-testid="message-edit" onClick={() => setDraft(message.content)}>
            Edit
          </button>
        )}
      </div>
    </div>
  );
}
