import { useState } from 'react';
import { modelKey } from '../../../../shared/model-name';
import { selectBaseChoices, type BaseChoice } from '../../store/model-ops-selectors';
import { useAppStore } from '../../store/store-context';

const OTHER = '\u0000other';
const NONE = '\u0000none';

interface BaseModelPickerProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** When given, the empty value is a choice with this label (else it only prompts for a choice). */
  emptyLabel?: string;
  describedBy?: string;
  invalid?: boolean;
  disabled?: boolean;
}

function optionLabel(choice: BaseChoice): string {
  return choice.detail ? `${choice.name} — ${choice.detail}` : choice.name;
}

/**
 * The base model a version builds on: the registry's base models, then the rest of what Ollama has,
 * each with its size; "Another model…" takes any name (Ollama pulls it at create).
 */
export function BaseModelPicker({ id, value, onChange, emptyLabel, describedBy, invalid = false, disabled = false }: BaseModelPickerProps) {
  const choices = useAppStore(selectBaseChoices);
  const listed = choices.find((c) => value !== '' && modelKey(c.name) === modelKey(value));
  const [typing, setTyping] = useState(value !== '' && !listed);
  const selected = typing ? OTHER : value === '' ? NONE : (listed?.name ?? OTHER);
  const registry = choices.filter((c) => c.group === 'registry');
  const ollama = choices.filter((c) => c.group === 'ollama');

  return (
    <div className="base-picker">
      <select
        id={id}
        value={selected}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={invalid && !typing}
        data-testid="base-model-select"
        onChange={(event) => {
          const next = event.target.value;
          if (next === OTHER) {
            setTyping(true);
            return;
          }
          setTyping(false);
          onChange(next === NONE ? '' : next);
        }}
      >
        {(emptyLabel !== undefined || value === '') && <option value={NONE}>{emptyLabel ?? 'Choose a base model…'}</option>}
        {registry.length > 0 && (
          <optgroup label="Base models in the registry">
            {registry.map((c) => (
              <option key={c.name} value={c.name}>
                {optionLabel(c)}
              </option>
            ))}
          </optgroup>
        )}
        {ollama.length > 0 && (
          <optgroup label="Other models in Ollama">
            {ollama.map((c) => (
              <option key={c.name} value={c.name}>
                {optionLabel(c)}
              </option>
            ))}
          </optgroup>
        )}
        <option value={OTHER}>Another model…</option>
      </select>
      {typing && (
        <input
          type="text"
          aria-label="Base model name"
          className="mono"
          spellCheck={false}
          autoComplete="off"
          placeholder="e.g. llama3.1:8b or hf.co/user/repo:Q4_K_M"
          value={value}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          data-testid="base-model-other"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
