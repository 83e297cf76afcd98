import { useId, useState } from 'react';
import { QUANTIZE_TYPES } from '../../../../shared/quantize';
import type { ModelEntry, ModelPatch } from '../../../../shared/registry';
import { useAppStore } from '../../store/store-context';
import { useQuantizeGate } from '../lifecycle/QuantizeField';

/**
 * The entry's `quantize` in the Overview: offered for an F16/BF16/F32 base only. A value the
 * base cannot take (the base changed since) stays visible with the reason, so it can be cleared.
 */
export function QuantizeSetting({ model, base, disabled }: { model: ModelEntry; base: string; disabled: boolean }) {
  const id = useId();
  const editModel = useAppStore((s) => s.editModel);
  const gate = useQuantizeGate(base);
  const [error, setError] = useState<string | null>(null);
  const current = model.quantize ?? '';
  const options = gate.allowed ? QUANTIZE_TYPES : current === '' ? [] : [current];
  const note = gate.allowed
    ? `Sent with the create as quantize; the base is ${gate.source}. Changing it makes the built model out of date.`
    : current === ''
      ? gate.reason
      : `${gate.reason} Set it back to keep the base's weights, or the create fails.`;
  const save = async (value: string) => {
    setError(null);
    const result = await editModel(model.name, { quantize: value as ModelPatch['quantize'] });
    if (!result.ok) setError(result.error.message);
  };
  return (
    <div className="inline-field" data-testid="overview-quantize">
      <label className="inline-field__label" htmlFor={id}>
        Quantize
      </label>
      <div className="inline-field__control">
        <select
          id={id}
          value={current}
          disabled={disabled || (!gate.allowed && current === '')}
          aria-describedby={`${id}-note`}
          data-testid="overview-quantize-select"
          onChange={(event) => void save(event.target.value)}
        >
          <option value="">Keep the base's weights</option>
          {options.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-note`} className={error || (!gate.allowed && current !== '') ? 'field-error' : 'field-hint'} data-testid="overview-quantize-note">
        {error ?? note}
      </p>
    </div>
  );
}
