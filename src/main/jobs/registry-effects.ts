import { AppError } from '../../shared/errors';
import type { ModelEntry, ModelStatus } from '../../shared/registry';
import { findModelKey } from '../registry/operations';
import type { RegistryStore } from '../registry/store';
import { ownValue, setOwn } from '../../shared/own-key';

/**
 * What a create job leaves in the registry when it does not succeed. A failure records Ollama's
 * message; a cancel, or losing Ollama, puts back the status, failure reason and time of change
 * the model had before, since nothing about the model changed.
 */

export interface StatusBefore {
  status: ModelStatus;
  failure_reason: string | undefined;
  last_updated: string | undefined;
}

export function statusBefore(entry: ModelEntry): StatusBefore {
  return { status: entry.status, failure_reason: entry.failure_reason, last_updated: entry.last_updated };
}

export async function restoreStatus(store: RegistryStore, name: string, before: StatusBefore): Promise<void> {
  await store.update((draft) => {
    const key = findModelKey(draft, name);
    const entry = key === undefined ? undefined : ownValue(draft.models, key);
    if (key === undefined || entry === undefined) throw new AppError('not_found', `There is no model named "${name}" in the registry.`);
    const next: ModelEntry = { ...entry, status: before.status };
    if (before.last_updated === undefined) delete next.last_updated;
    else next.last_updated = before.last_updated;
    if (before.failure_reason === undefined) delete next.failure_reason;
    else next.failure_reason = before.failure_reason;
    setOwn(draft.models, key, next);
  });
}
