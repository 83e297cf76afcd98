import { quantizeGate, sourceWeightsOf, QUANTIZE_TYPES, type QuantizeGate } from '../../../../shared/quantize';
import { selectKnownOllamaModels } from '../../store/model-ops-selectors';
import { useAppStore } from '../../store/store-context';
import { describedBy, FormField } from './FormField';

const KEEP = '';

const LABELS: Record<(typeof QUANTIZE_TYPES)[number], string> = {
  Q4_K_M: 'Q4_K_M — about a third of F16, the usual choice',
  Q4_K_S: 'Q4_K_S — a little smaller than Q4_K_M',
  Q8_0: 'Q8_0 — about half of F16, closest to it',
  F16: 'F16',
  BF16: 'BF16',
  F32: 'F32 — twice F16',
};

/** Whether the base can be quantized, from what Ollama lists (or a Hugging Face tag). */
export function useQuantizeGate(base: string): QuantizeGate {
  const ollama = useAppStore(selectKnownOllamaModels);
  return quantizeGate(base, sourceWeightsOf(base.trim(), ollama));
}

interface QuantizeFieldProps {
  id: string;
  gate: QuantizeGate;
  /** '' keeps the base's weights as they are. */
  value: string;
  error?: string | null | undefined;
  onChange(value: string): void;
}

/**
 * `quantize` for the create: Ollama's six types, offered only for F16, BF16 or F32 weights; for any
 * other base the control stays visible but disabled, with the reason beside it.
 */
export function QuantizeField({ id, gate, value, error, onChange }: QuantizeFieldProps) {
  const hint = gate.allowed
    ? `The base is ${gate.source}: Ollama can quantize it while it creates the model. The Modelfile is not changed; the setting is kept with the model.`
    : gate.reason;
  return (
    <FormField id={id} name="quantize" label="Quantize" error={error} hint={hint}>
      <select
        id={id}
        value={gate.allowed ? value : KEEP}
        disabled={!gate.allowed}
        aria-describedby={describedBy(id, error)}
        aria-invalid={Boolean(error)}
        data-testid="quantize-select"
        onChange={(event) => onChange(event.target.value)}
      >
        <option value={KEEP}>Keep the base's weights</option>
        {QUANTIZE_TYPES.map((type) => (
          <option key={type} value={type}>
            {LABELS[type]}
          </option>
        ))}
      </select>
    </FormField>
  );
}
