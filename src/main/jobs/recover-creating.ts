import type { RegistryStore } from '../registry/store';

export const INTERRUPTED_CREATE_REASON = 'The app stopped while this model was being created, so the build did not finish. Create it again.';

/**
 * A model left `creating` with no create job running for it was being built when the app
 * stopped; sync never touches `creating` (a job owns it), so without this it would stay so for
 * good. It becomes `failed` with a reason; if Ollama has the model (an earlier build), the next
 * sync shows it as available again.
 */
export async function recoverInterruptedCreates(store: RegistryStore, isBeingCreated: (name: string) => boolean): Promise<string[]> {
  if (store.get().readOnly) return [];
  const stuck = Object.values(store.get().registry.models)
    .filter((entry) => entry.status === 'creating' && !isBeingCreated(entry.name))
    .map((entry) => entry.name);
  for (const name of stuck) await store.setStatus(name, 'failed', { failure_reason: INTERRUPTED_CREATE_REASON });
  return stuck;
}
