import type { ModelStatus } from '../../../../shared/registry';
import { StatusIcon } from './StatusIcon';

export const STATUS_LABELS: Record<ModelStatus, string> = {
  pending: 'Pending',
  creating: 'Creating',
  available: 'Available',
  missing: 'Missing',
  failed: 'Failed',
};

const STATUS_HINTS: Record<ModelStatus, string> = {
  pending: 'Declared in the registry, not built yet',
  creating: 'Being built by Ollama',
  available: 'Ollama has this model',
  missing: 'Expected in Ollama, but Ollama does not have it',
  failed: 'The last build failed',
};

interface StatusChipProps {
  status: ModelStatus;
  hint?: string;
  /** Replaces the status word, e.g. "Creating 42%". */
  label?: string;
}

export function StatusChip({ status, hint, label }: StatusChipProps) {
  return (
    <span className="status-chip" data-status={status} data-testid="status-chip" title={hint ?? STATUS_HINTS[status]}>
      <StatusIcon status={status} />
      {label ?? STATUS_LABELS[status]}
    </span>
  );
}
