import type { FactsService } from './facts-service';

/**
 * "What can this model do?" for the callers that must not send a field a model refuses (`think`
 * to a model without `thinking`). `host` names the Ollama host that will answer (several hosts may
 * differ); absent: the primary. Null means unknown (Ollama unreachable, the model not listed):
 * callers treat unknown as "cannot".
 */
export type CapabilityLookup = (model: string, host?: string) => Promise<string[] | null>;

export function capabilityLookup(serviceFor: (host: string | undefined) => FactsService): CapabilityLookup {
  return async (model, host) => {
    try {
      return await serviceFor(host).capabilitiesOf(model);
    } catch {
      return null;
    }
  };
}
