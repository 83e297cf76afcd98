import type { ChatMessage } from '../../../../shared/chat';
import { formatTimings } from './format-timings';

const STATE_NOTE: Partial<Record<ChatMessage['state'], string>> = { stopped: 'Stopped', failed: 'Failed' };

/** Under each reply: Ollama's own figures, or the app's when the reply never got Ollama's last chunk. */
export function ReplyTimings({ message }: { message: ChatMessage }) {
  const parts = message.timings ? formatTimings(message.timings) : [];
  const note = STATE_NOTE[message.state];
  if (parts.length === 0 && !note) return null;
  const measured = message.timings?.source === 'measured';
  return (
    <p className="reply-timings" data-testid="reply-timings" title={measured ? 'Timed by Modelwright: Ollama sent no final figures for this reply' : 'As reported by Ollama'}>
      {note && <span className={`reply-timings__state reply-timings__state--${message.state}`}>{note}</span>}
      {note && parts.length > 0 && ' · '}
      {parts.length > 0 && <span>{parts.join(' · ')}</span>}
    </p>
  );
}
