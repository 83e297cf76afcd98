import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { selectChatModel } from '../../store/chat-selectors';
import { selectChatStreaming } from '../../store/chat-slice';
import { useAppStore } from '../../store/store-context';
import { useOllamaGate } from '../common/use-ollama-gate';
import { MessageText } from '../text/MessageText';

/** The message box: Enter sends, Shift+Enter starts a new line; Stop (or Esc) replaces Send while a reply streams. */
export function Composer() {
  const model = useAppStore(selectChatModel);
  const streaming = useAppStore(selectChatStreaming);
  const sending = useAppStore((s) => s.chat.pending !== null);
  const error = useAppStore((s) => s.chat.error);
  const sendChat = useAppStore((s) => s.sendChat);
  const stopChat = useAppStore((s) => s.stopChat);
  const dismissChatError = useAppStore((s) => s.dismissChatError);
  const [text, setText] = useState('');
  const [stopping, setStopping] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const gate = useOllamaGate();

  const canSend = model !== null && text.trim() !== '' && !streaming && !sending && !gate.blocked;

  const send = async () => {
    if (!canSend) return;
    const content = text;
    setText('');
    const result = await sendChat(content);
    // Not sent: the words come back so nothing typed is lost.
    if (!result.ok) setText((current) => (current === '' ? content : current));
    input.current?.focus();
  };
  const stop = async () => {
    setStopping(true);
    await stopChat();
    setStopping(false);
    input.current?.focus();
  };
  // Esc stops a streaming reply from anywhere on the chat page, unless something nearer used it
  // (a menu, the settings panel, a rename box) or a dialog is open.
  const stopRef = useRef(stop);
  useEffect(() => {
    stopRef.current = stop;
  });
  useEffect(() => {
    if (!streaming) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      void stopRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [streaming]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="chat-composer" onSubmit={onSubmit}>
      {error && (
        <div className="chat-composer__error" role="alert" data-testid="chat-error">
          <span>
            <MessageText text={error.message} />
          </span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismissChatError}>
            ×
          </button>
        </div>
      )}
      <div className="chat-composer__row">
        <label htmlFor={id} className="visually-hidden">
          Message
        </label>
        <textarea
          id={id}
          ref={input}
          className="chat-composer__input"
          data-testid="chat-input"
          rows={3}
          placeholder={model ? 'Message (Enter to send, Shift+Enter for a new line)' : 'Pick a model to start'}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {streaming ? (
          <button type="button" className="button chat-composer__stop" data-testid="chat-stop" disabled={stopping} onClick={() => void stop()}>
            <span className="chat-composer__stop-icon" aria-hidden="true" />
            Stop
          </button>
        ) : (
          <button
            type="submit"
            className="button button--primary"
            data-testid="chat-send"
            disabled={!canSend}
            aria-busy={sending}
            title={gate.reason ?? undefined}
            aria-describedby={gate.describedBy}
          >
            Send
          </button>
        )}
        {gate.note}
      </div>
    </form>
  );
}
