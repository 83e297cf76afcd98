import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { modelFacts, type ModelFacts } from '../../shared/model-facts';
import { sameModel } from '../../shared/model-name';
import type { OllamaGateway } from '../ollama/types';
import type { CachedShow, ShowCache } from './show-cache';

/**
 * A model's facts: its /api/tags entry (asked each time: cheap, and it says which digest the name
 * points at now) and its /api/show answer, asked once per digest (see ShowCache).
 */

export interface FactsDeps {
  gateway: () => OllamaGateway;
  cache: ShowCache;
}

export interface FactsService {
  factsOf(model: string): Promise<ModelFacts>;
  /**
   * What the model can do (`thinking`, `tools`, …): from /api/tags when the server lists them
   * (0.30.0+), else from the cached /api/show. Throws as the calls do (offline, not found).
   */
  capabilitiesOf(model: string): Promise<string[]>;
}

export function factsService(deps: FactsDeps): FactsService {
  const inFlight = new Map<string, Promise<CachedShow>>();

  async function showOnce(name: string, digest: string): Promise<CachedShow> {
    const cached = deps.cache.get(digest);
    if (cached) return cached;
    const pending = inFlight.get(digest);
    if (pending) return pending;
    const asking = deps
      .gateway()
      .show(name)
      .then((show) => {
        const entry: CachedShow = {
          modelInfo: show.modelInfo ?? {},
          parameters: show.parameters,
          capabilities: show.capabilities,
          ...(show.remoteHost ? { remoteHost: show.remoteHost } : {}),
          ...(show.remoteModel ? { remoteModel: show.remoteModel } : {}),
        };
        deps.cache.set(digest, entry);
        return entry;
      })
      .finally(() => inFlight.delete(digest));
    inFlight.set(digest, asking);
    return asking;
  }

  return {
    async capabilitiesOf(model) {
      const entry = (await deps.gateway().list()).find((m) => sameModel(m.name, model));
      if (!entry) throw new AppError('not_found', `Ollama does not have ${model}.`);
      if (entry.capabilities && entry.capabilities.length > 0) return entry.capabilities;
      return (await showOnce(entry.name, entry.digest)).capabilities;
    },
    async factsOf(model) {
      const gateway = deps.gateway();
      const [models, serverVersion] = await Promise.all([gateway.list(), gateway.version().catch(() => null)]);
      const entry = models.find((m) => sameModel(m.name, model));
      if (!entry) throw new AppError('not_found', `Ollama does not have ${model}. Create or pull it first, then its facts show here.`);
      const show = await showOnce(entry.name, entry.digest);
      return modelFacts({
        name: entry.name,
        digest: entry.digest,
        size: entry.size,
        details: entry.details,
        ...(entry.capabilities ? { capabilities: entry.capabilities } : {}),
        show,
        serverVersion,
      });
    },
  };
}

export function factsHandlers(service: FactsService): Pick<Handlers, 'models.facts'> {
  return { 'models.facts': async ({ model }) => service.factsOf(model) };
}
