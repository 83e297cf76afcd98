import { useEffect, useId, useState } from 'react';
import type { ConversationSummary } from '../../../../shared/chat';
import { formatWhen } from '../../models/job-format';
import { labelOf } from '../../models/model-labels';
import { selectModels } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { Dialog } from '../common/Dialog';
import { ModelName } from '../names/ModelName';
import { plural } from './eval-format';

type Source = 'template' | 'conversations';

/** "New prompt set": from a template with an example of each check, or from this family's chats. */
export function NewPromptSetDialog({ family, onClose }: { family: string; onClose(): void }) {
  const groupName = useId();
  const listFamilyConversations = useAppStore((s) => s.listFamilyConversations);
  const models = useAppStore(selectModels);
  const newEvalSet = useAppStore((s) => s.newEvalSet);
  const [source, setSource] = useState<Source>('template');
  const [conversations, setConversations] = useState<{ status: 'loading' | 'ready' | 'failed'; list: ConversationSummary[]; error: string | null }>({
    status: 'loading',
    list: [],
    error: null,
  });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void listFamilyConversations(family).then((result) => {
      if (!live) return;
      if (result.ok) setConversations({ status: 'ready', list: result.value, error: null });
      else setConversations({ status: 'failed', list: [], error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [listFamilyConversations, family]);

  const toggle = (id: string) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const create = async () => {
    setBusy(true);
    setError(null);
    const result = await newEvalSet({
      family,
      from: source === 'template' ? { kind: 'template' } : { kind: 'conversations', conversationIds: [...picked] },
    });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  const canCreate = !busy && (source === 'template' || picked.size > 0);
  return (
    <Dialog
      title="New prompt set"
      onCancel={onClose}
      testId="new-prompt-set"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" disabled={!canCreate} onClick={() => void create()}>
            {busy ? 'Creating…' : source === 'conversations' && picked.size > 0 ? `Create with ${plural(picked.size, 'conversation')}` : 'Create'}
          </button>
        </>
      }
    >
      <fieldset className="eval-choice">
        <legend className="visually-hidden">Start from</legend>
        <label className="eval-choice__option">
          <input type="radio" name={groupName} checked={source === 'template'} onChange={() => setSource('template')} data-autofocus />
          <span>
            <strong>A template</strong>
            <span className="muted"> — one example case for each kind of check, to edit into your own.</span>
          </span>
        </label>
        <label className="eval-choice__option">
          <input type="radio" name={groupName} checked={source === 'conversations'} onChange={() => setSource('conversations')} />
          <span>
            <strong>Chat conversations</strong>
            <span className="muted"> — each question asked becomes a case, with the answer given then kept for reference.</span>
          </span>
        </label>
      </fieldset>
      {source === 'conversations' &&
        (conversations.status === 'loading' ? (
          <p className="muted" role="status">
            Finding conversations…
          </p>
        ) : conversations.status === 'failed' ? (
          <p className="field-error" role="alert">
            The conversations could not be listed: {conversations.error}
          </p>
        ) : conversations.list.length === 0 ? (
          <p className="muted" data-testid="no-family-conversations">
            No conversation with a version of this family yet. Chat with one first, or start from the template.
          </p>
        ) : (
          <fieldset className="eval-conversations">
            <legend>Conversations with this family ({conversations.list.length})</legend>
            <ul>
              {conversations.list.map((c) => (
                <li key={c.id}>
                  <label className="eval-conversation" data-testid="conversation-choice">
                    <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} />
                    <span className="eval-conversation__text">
                      <span className="eval-conversation__title">{c.title || 'Untitled conversation'}</span>
                      <span className="muted eval-conversation__meta">
                        <ModelName text={labelOf(models, c.model)} /> · {plural(c.messageCount, 'message')} · {formatWhen(c.updatedAt)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
