import { useId } from 'react';
import { truncateMiddle } from '../../models/name-split';
import type { ChatModelOption } from '../../store/chat-selectors';

/** What fits the picker at its widest (chat.css: max-width 340px) in the UI font. */
export const PICKER_MAX_CHARS = 44;

/**
 * One model as an option. An <option> shows plain text only, so a long name is cut in the middle
 * here (the version or tag at its end stays, as ModelName does elsewhere); the full name is its
 * title and its accessible name.
 */
function ModelOption({ value, label }: { value: string; label: string }) {
  const shown = truncateMiddle(label, PICKER_MAX_CHARS);
  return (
    <option value={value} title={label} aria-label={shown === label ? undefined : label}>
      {shown}
    </option>
  );
}

interface ModelPickerProps {
  label: string;
  value: string | null;
  options: readonly ChatModelOption[];
  onChange(name: string): void;
  testId: string;
  disabled?: boolean;
}

/**
 * A native select (keyboard and screen readers for free): the registry's models first, as
 * "Display Name (vN)", then the other models Ollama has. A model that is no longer offered (a
 * saved conversation's) stays visible as such, instead of silently showing another one.
 */
export function ModelPicker({ label, value, options, onChange, testId, disabled }: ModelPickerProps) {
  const id = useId();
  const registry = options.filter((o) => o.group === 'registry');
  const others = options.filter((o) => o.group === 'ollama');
  const offered = value !== null && options.some((o) => o.value === value);
  return (
    <div className="chat-picker">
      <label htmlFor={id} className="chat-picker__label">
        {label}
      </label>
      <select
        id={id}
        data-testid={testId}
        // A narrow window cuts the chosen name: its full text on hover.
        title={options.find((o) => o.value === value)?.label ?? value ?? undefined}
        value={value ?? ''}
        disabled={disabled || options.length === 0}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.length === 0 && <option value="">No model to chat with</option>}
        {value !== null && !offered && <ModelOption value={value} label={`${value} (not available)`} />}
        {registry.length > 0 && (
          <optgroup label="Your models">
            {registry.map((o) => (
              <ModelOption key={o.value} value={o.value} label={o.label} />
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label="Other Ollama models">
            {others.map((o) => (
              <ModelOption key={o.value} value={o.value} label={o.label} />
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
