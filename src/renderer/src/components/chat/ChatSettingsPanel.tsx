import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ChatSettings } from '../../../../shared/chat';
import { labelForModel, selectChatModel } from '../../store/chat-selectors';
import { useAppStore } from '../../store/store-context';
import { modelParameter } from './model-parameters';
import { ThinkSetting } from './ThinkSetting';

const CONTEXT_LENGTHS = [2048, 4096, 8192, 16384, 32768, 65536, 131072];

interface ModelFacts {
  model: string;
  system: string | null;
  temperature: string | null;
  numCtx: string | null;
  error: string | null;
}

/** What the model brings by itself (its Modelfile's SYSTEM and parameters), for comparison. */
function useModelFacts(model: string | null): ModelFacts | null {
  const showChatModel = useAppStore((s) => s.showChatModel);
  const [facts, setFacts] = useState<ModelFacts | null>(null);
  useEffect(() => {
    if (model === null) return;
    let current = true;
    void showChatModel(model).then((result) => {
      if (!current) return;
      setFacts(
        result.ok
          ? {
              model,
              system: result.value.system || null,
              temperature: modelParameter(result.value.parameters, 'temperature'),
              numCtx: modelParameter(result.value.parameters, 'num_ctx'),
              error: null,
            }
          : { model, system: null, temperature: null, numCtx: null, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [model, showChatModel]);
  return facts?.model === model ? facts : null;
}

function SystemPromptSetting({ settings, facts, save }: { settings: ChatSettings; facts: ModelFacts | null; save(next: ChatSettings): void }) {
  const id = useId();
  const [draft, setDraft] = useState(settings.systemPrompt ?? '');
  const own = settings.systemPrompt === null;
  return (
    <fieldset className="chat-setting">
      <legend>System prompt</legend>
      <label className="chat-toggle">
        <input
          type="checkbox"
          data-testid="chat-setting-own-system"
          checked={own}
          onChange={(event) => {
            if (event.target.checked) {
              save({ ...settings, systemPrompt: null });
            } else {
              // Start from the model's own words: the usual edit is a small change to them.
              const start = facts?.system ?? '';
              setDraft(start);
              save({ ...settings, systemPrompt: start });
            }
          }}
        />
        Use the model’s own
      </label>
      {own ? (
        facts === null ? (
          <p className="muted">Reading the model’s system prompt…</p>
        ) : facts.error ? (
          <p className="field-hint">{facts.error}</p>
        ) : facts.system ? (
          <pre className="chat-setting__own" data-testid="chat-own-system">{facts.system}</pre>
        ) : (
          <p className="muted">This model has no system prompt of its own.</p>
        )
      ) : (
        <>
          <label htmlFor={id} className="visually-hidden">
            System prompt for this conversation
          </label>
          <textarea
            id={id}
            data-testid="chat-setting-system"
            rows={8}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => {
              if (draft !== settings.systemPrompt) save({ ...settings, systemPrompt: draft });
            }}
          />
          <p className="field-hint">Replaces the model’s own for this conversation. Leave it empty for none at all.</p>
        </>
      )}
    </fieldset>
  );
}

function TemperatureSetting({ settings, facts, save }: { settings: ChatSettings; facts: ModelFacts | null; save(next: ChatSettings): void }) {
  const id = useId();
  const [draft, setDraft] = useState(settings.temperature === null ? '' : String(settings.temperature));
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft.trim() === '') {
      setError(null);
      if (settings.temperature !== null) save({ ...settings, temperature: null });
      return;
    }
    const value = Number(draft);
    if (!Number.isFinite(value) || value < 0 || value > 2) {
      setError('Give a number from 0 to 2.');
      return;
    }
    setError(null);
    if (value !== settings.temperature) save({ ...settings, temperature: value });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
  };
  return (
    <div className="chat-setting">
      <label htmlFor={id}>Temperature</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={2}
        step={0.1}
        data-testid="chat-setting-temperature"
        placeholder={facts?.temperature ? `Model’s own: ${facts.temperature}` : 'Model’s own'}
        value={draft}
        aria-invalid={error !== null}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error ? <p className="field-error">{error}</p> : <p className="field-hint">Lower is steadier, higher more varied. Empty: the model’s own.</p>}
    </div>
  );
}

function ContextSetting({ settings, facts, save }: { settings: ChatSettings; facts: ModelFacts | null; save(next: ChatSettings): void }) {
  const id = useId();
  const options = settings.numCtx !== null && !CONTEXT_LENGTHS.includes(settings.numCtx) ? [...CONTEXT_LENGTHS, settings.numCtx].sort((a, b) => a - b) : CONTEXT_LENGTHS;
  return (
    <div className="chat-setting">
      <label htmlFor={id}>Context length</label>
      <select
        id={id}
        data-testid="chat-setting-num-ctx"
        value={settings.numCtx === null ? '' : String(settings.numCtx)}
        onChange={(event) => save({ ...settings, numCtx: event.target.value === '' ? null : Number(event.target.value) })}
      >
        <option value="">{facts?.numCtx ? `Model’s own (${facts.numCtx})` : 'Model’s own'}</option>
        {options.map((n) => (
          <option key={n} value={n}>
            {n.toLocaleString()} tokens
          </option>
        ))}
      </select>
      <p className="field-hint">More context remembers more of the conversation and uses more memory.</p>
    </div>
  );
}

/** Per-conversation settings; for a new conversation they apply from its first message. */
export function ChatSettingsPanel() {
  const settings = useAppStore((s) => s.chat.current?.settings ?? s.chat.draftSettings);
  const key = useAppStore((s) => s.chat.currentId ?? 'new');
  const model = useAppStore(selectChatModel);
  const modelLabel = useAppStore((s) => (model ? labelForModel(s, model) : null));
  const updateChatSettings = useAppStore((s) => s.updateChatSettings);
  const toggleChatSettings = useAppStore((s) => s.toggleChatSettings);
  const facts = useModelFacts(model);
  const save = (next: ChatSettings) => void updateChatSettings(next);

  return (
    <aside
      id="chat-settings-panel"
      className="chat-settings"
      aria-labelledby="chat-settings-title"
      data-testid="chat-settings-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // Used here: the same Esc must not also stop a streaming reply.
          event.preventDefault();
          toggleChatSettings(false);
        }
      }}
    >
      <header className="chat-settings__head">
        <h3 id="chat-settings-title">Conversation settings</h3>
        <button type="button" className="icon-button" aria-label="Close settings" onClick={() => toggleChatSettings(false)}>
          ×
        </button>
      </header>
      {modelLabel && <p className="field-hint">Defaults shown are those of {modelLabel}.</p>}
      {/* Keyed by conversation: opening another one starts from its own values. */}
      <div key={key} className="chat-settings__body">
        <SystemPromptSetting settings={settings} facts={facts} save={save} />
        <TemperatureSetting settings={settings} facts={facts} save={save} />
        <ContextSetting settings={settings} facts={facts} save={save} />
        {model && <ThinkSetting model={model} settings={settings} save={save} />}
      </div>
    </aside>
  );
}
