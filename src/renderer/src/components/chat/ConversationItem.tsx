import { useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../../shared/chat';
import { labelForModel } from '../../store/chat-selectors';
import { useAppStore } from '../../store/store-context';
import { MenuButton } from '../common/MenuButton';

function when(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString();
}

/** One saved conversation: open it, rename it in place, or delete it after a confirmation. */
export function ConversationItem({ summary, active }: { summary: ConversationSummary; active: boolean }) {
  const openConversation = useAppStore((s) => s.openConversation);
  const renameConversation = useAppStore((s) => s.renameConversation);
  const deleteConversation = useAppStore((s) => s.deleteConversation);
  const models = useAppStore((s) =>
    summary.compareModel ? `${labelForModel(s, summary.model)} vs ${labelForModel(s, summary.compareModel)}` : labelForModel(s, summary.model),
  );
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [title, setTitle] = useState(summary.title);
  const [error, setError] = useState<string | null>(null);

  const saveTitle = async () => {
    const next = title.trim();
    if (next === '' || next === summary.title) {
      setMode('view');
      return;
    }
    const result = await renameConversation(summary.id, next);
    if (result.ok) {
      setMode('view');
      setError(null);
    } else {
      setError(result.error.message);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void saveTitle();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setTitle(summary.title);
      setMode('view');
    }
  };

  return (
    <li className={`conversation${active ? ' conversation--active' : ''}`} data-testid="conversation-item" data-conversation-id={summary.id}>
      {mode === 'rename' ? (
        <div className="conversation__rename">
          <input
            type="text"
            aria-label="Conversation title"
            data-testid="conversation-title-input"
            value={title}
            maxLength={200}
            autoFocus
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => void saveTitle()}
          />
          {error && <p className="field-error">{error}</p>}
        </div>
      ) : (
        <button type="button" className="conversation__open" aria-current={active ? 'true' : undefined} onClick={() => void openConversation(summary.id)}>
          <span className="conversation__title truncate" title={summary.title}>
            {summary.title}
          </span>
          {summary.snippet ? (
            <span className="conversation__snippet clamp-2">{summary.snippet}</span>
          ) : (
            <span className="conversation__meta truncate">
              {when(summary.updatedAt)} · {models}
            </span>
          )}
        </button>
      )}
      {mode === 'view' && (
        <MenuButton
          label={`Actions for ${summary.title}`}
          icon="⋯"
          items={[
            { id: 'rename', label: 'Rename', onSelect: () => setMode('rename') },
            { id: 'delete', label: 'Delete', onSelect: () => setMode('confirm-delete') },
          ]}
        />
      )}
      {mode === 'confirm-delete' && (
        <div className="conversation__confirm" role="group" aria-label="Confirm delete">
          <span>Delete it for good?</span>
          <button type="button" className="button button--small button--danger" data-testid="conversation-delete-confirm" onClick={() => void deleteConversation(summary.id)}>
            Delete
          </button>
          <button type="button" className="button button--small" onClick={() => setMode('view')}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}
