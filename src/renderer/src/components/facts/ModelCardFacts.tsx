import { compactFacts, isCloudName } from '../../../../shared/model-facts';
import { modelKey } from '../../../../shared/model-name';
import type { OllamaModel } from '../../../../shared/contract';
import { memoizeLast } from '../../models/memoize-last';
import type { AppState } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { CapabilityBadges } from './CapabilityBadges';

/** Ollama's models by name key, built once per /api/tags answer (a card must not scan the list). */
const byKey = memoizeLast((models: readonly OllamaModel[] | undefined) => new Map((models ?? []).map((m) => [modelKey(m.name), m])));
const selectTags = (s: AppState) => byKey(s.sync?.ollamaModels);

/**
 * A card's key facts, compact (params · quant · ctx) with capability badges: from /api/tags, which
 * the sync already has, and from the model's full facts once its page has fetched them.
 */
export function ModelCardFacts({ name }: { name: string }) {
  const tag = useAppStore((s) => selectTags(s).get(modelKey(name)));
  const entry = useAppStore((s) => s.modelFacts[modelKey(name)]);
  const facts = entry?.status === 'ready' ? entry.facts : null;
  if (!tag && !facts) return null;
  const details = tag?.details ?? {};
  const trained = typeof details.context_length === 'number' ? details.context_length : null;
  const line = facts
    ? compactFacts(facts)
    : compactFacts({
        parameterSize: details.parameter_size || null,
        quantization: details.quantization_level || null,
        context: { tokens: null, source: 'server-default', explanation: '' },
        trainedContext: trained,
      });
  const capabilities = facts?.capabilities ?? tag?.capabilities ?? [];
  const cloud = facts?.cloud ?? isCloudName(name);
  return (
    <div className="model-card__facts" data-testid="model-card-facts">
      {line && <span title="Parameters · quantization · context size">{line}</span>}
      <CapabilityBadges capabilities={capabilities} cloud={cloud} />
    </div>
  );
}
