import { useId, useState } from 'react';
import { humanBytes } from '../../../../shared/human-bytes';
import { estimateMemory, fitVerdict, type FitVerdict } from '../../../../shared/memory-estimate';
import type { ModelFacts } from '../../../../shared/model-facts';
import { modelKey, sameModel } from '../../../../shared/model-name';
import { loadContextOf } from '../../store/facts-slice';
import { useAppStore } from '../../store/store-context';
import { ContextSizeSetter } from './ContextSizeSetter';
import { parseGigabytes, suggestedGpuMemory } from './free-memory';

const VERDICT_TEXT: Record<FitVerdict, string> = {
  fits: 'Fits',
  tight: 'Tight: it fits, with less than a tenth to spare',
  'does-not-fit': 'Does not fit: Ollama would put part of it on the CPU, which is much slower',
};

const STEP = 1024;

/** The memory a model needs at a context size (a slider), against free memory, and, once loaded, what Ollama measured. */
export function MemoryEstimatePanel({ facts, registered }: { facts: ModelFacts; registered: boolean }) {
  const id = useId();
  const key = modelKey(facts.name);
  const chosen = useAppStore((s) => s.estimateContext[key]);
  const setChosen = useAppStore((s) => s.setEstimateContext);
  const freeMemory = useAppStore((s) => s.freeMemory);
  const setFreeMemory = useAppStore((s) => s.setFreeMemory);
  const running = useAppStore((s) => s.running);
  const loaded = running?.find((m) => sameModel(m.name, facts.name));
  const suggestion = suggestedGpuMemory(running);
  const [freeText, setFreeText] = useState(() => {
    const start = freeMemory ?? suggestion;
    return start === null ? '' : (start / 1e9).toFixed(1);
  });
  const max = Math.max(STEP, facts.trainedContext ?? 131_072);
  const context = Math.min(max, chosen ?? loadContextOf(facts, undefined));
  const result = estimateMemory({ modelInfo: facts.modelInfo, weightsBytes: facts.fileSize, context });
  const free = freeMemory ?? parseGigabytes(freeText);

  if (!result.ok) return <p className="muted" data-testid="estimate-unavailable">{result.reason}</p>;
  const e = result.estimate;
  const verdict = free === null ? null : fitVerdict(e.total, free);
  const atLoaded = loaded?.contextLength ? estimateMemory({ modelInfo: facts.modelInfo, weightsBytes: facts.fileSize, context: loaded.contextLength }) : null;

  return (
    <div className="estimate" data-testid="memory-estimate">
      <div className="estimate__controls">
        <label htmlFor={`${id}-ctx`}>
          <span>
            Context size: <strong data-testid="estimate-context">{context}</strong> tokens
          </span>
          <input
            id={`${id}-ctx`}
            type="range"
            min={STEP}
            max={max}
            step={STEP}
            value={context}
            data-testid="context-slider"
            onChange={(event) => setChosen(facts.name, Number(event.target.value))}
          />
        </label>
        <label htmlFor={`${id}-free`}>
          <span>Free GPU memory (GB)</span>
          <input
            id={`${id}-free`}
            inputMode="decimal"
            value={freeText}
            placeholder="e.g. 8"
            data-testid="free-memory"
            aria-describedby={`${id}-free-hint`}
            onChange={(event) => {
              setFreeText(event.target.value);
              setFreeMemory(parseGigabytes(event.target.value));
            }}
          />
        </label>
      </div>
      <p id={`${id}-free-hint`} className="muted">
        {suggestion !== null
          ? `Suggested from the running models: one did not fit entirely, so the GPU holds about ${humanBytes(suggestion)}.`
          : 'Ollama does not report free memory: enter what your GPU has free (or your RAM, on a Mac or without a GPU).'}
      </p>
      <dl className="facts" data-testid="estimate-figures">
        <dt>Weights</dt>
        <dd>{humanBytes(e.weights)}</dd>
        <dt>Context cache</dt>
        <dd>
          {humanBytes(e.kvCache)}
          {e.slidingLayers > 0 && <span className="muted"> ({e.slidingLayers} of {e.layers} layers keep only a sliding window)</span>}
        </dd>
        <dt>Working memory</dt>
        <dd>{humanBytes(e.graph)}</dd>
        <dt>Total</dt>
        <dd data-testid="estimate-total">
          <strong>{humanBytes(e.total)}</strong>
        </dd>
      </dl>
      {verdict && (
        <p className={`verdict verdict--${verdict}`} role="status" data-testid="estimate-verdict" data-verdict={verdict}>
          {VERDICT_TEXT[verdict]} ({humanBytes(e.total)} of {humanBytes(free!)} free)
        </p>
      )}
      {loaded && (
        <p data-testid="estimate-measured">
          Loaded now with {loaded.contextLength ?? 'an unreported'} tokens: Ollama measured {humanBytes(loaded.sizeVram)} in GPU memory
          {loaded.size !== loaded.sizeVram ? ` (${humanBytes(loaded.size)} in all)` : ''}
          {atLoaded?.ok ? `; the estimate at that size is ${humanBytes(atLoaded.estimate.total)} (${percentOff(atLoaded.estimate.total, loaded.size)}).` : '.'}
        </p>
      )}
      {registered && <ContextSizeSetter model={facts.name} tokens={context} current={facts.context.source === 'modelfile' ? facts.context.tokens : null} />}
    </div>
  );
}

function percentOff(estimate: number, measured: number): string {
  if (measured <= 0) return 'nothing measured to compare';
  const off = Math.round(((estimate - measured) / measured) * 100);
  return off === 0 ? 'the same' : `${off > 0 ? '+' : ''}${off}% off`;
}
