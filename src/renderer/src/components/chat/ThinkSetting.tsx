import { useEffect, useId } from 'react';
import type { ChatSettings } from '../../../../shared/chat';
import { modelKey } from '../../../../shared/model-name';
import { thinkControl, type ThinkValue } from '../../../../shared/think';
import { useAppStore } from '../../store/store-context';

const LEVEL_NAMES: Record<string, string> = { low: 'Low', medium: 'Medium', high: 'High', max: 'Max' };

/**
 * The conversation's thinking: an on/off toggle, or a level for models that take levels (gpt-oss).
 * Shown only for a model whose capabilities include thinking (from its facts); the setting stays
 * with the conversation, and a model that cannot think is sent `think: false` whatever it says.
 */
export function ThinkSetting({ model, settings, save }: { model: string; settings: ChatSettings; save(next: ChatSettings): void }) {
  const id = useId();
  const loadFacts = useAppStore((s) => s.loadFacts);
  const entry = useAppStore((s) => s.modelFacts[modelKey(model)]);
  useEffect(() => {
    void loadFacts(model);
  }, [model, loadFacts]);
  if (entry?.status !== 'ready') return null;
  const control = thinkControl({ name: entry.facts.name, architecture: entry.facts.architecture, capabilities: entry.facts.capabilities });
  if (control.kind === 'none') return null;
  const think = settings.think ?? false;
  const set = (value: ThinkValue) => save({ ...settings, think: value });

  if (control.kind === 'levels') {
    const value = typeof think === 'string' ? think : 'medium';
    return (
      <div className="chat-setting" data-testid="chat-setting-think">
        <label htmlFor={id}>Thinking level</label>
        <select id={id} data-testid="chat-setting-think-level" value={value} onChange={(event) => set(event.target.value as ThinkValue)}>
          {control.levels.map((level) => (
            <option key={level} value={level}>
              {LEVEL_NAMES[level] ?? level}
            </option>
          ))}
        </select>
        <p className="field-hint">This model always thinks; the level sets how long. Its thinking shows folded above each answer.</p>
      </div>
    );
  }
  return (
    <fieldset className="chat-setting" data-testid="chat-setting-think">
      <legend>Thinking</legend>
      <label className="chat-toggle">
        <input type="checkbox" data-testid="chat-setting-think-toggle" checked={think !== false} onChange={(event) => set(event.target.checked)} />
        Think before answering
      </label>
      <p className="field-hint">Slower, often better on hard questions. The thinking shows folded above each answer.</p>
    </fieldset>
  );
}
