import { useId } from 'react';
import type { ChatModelOption } from '../../store/chat-selectors';

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
        {value !== null && !offered && <option value={value}>{value} (not available)</option>}
        {registry.length > 0 && (
          <optgroup label="Your models">
            {registry.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label="Other Ollama models">
            {others.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
