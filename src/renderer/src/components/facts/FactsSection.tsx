import { useEffect, useRef } from 'react';
import { humanBytes } from '../../../../shared/human-bytes';
import { modelKey, sameModel } from '../../../../shared/model-name';
import { useAppStore } from '../../store/store-context';
import { CapabilityBadges } from './CapabilityBadges';
import { MemoryEstimatePanel } from './MemoryEstimatePanel';

/** The Overview's "Facts" and "Memory" sections: what Ollama says of the model, and what it will need. */
export function FactsSection({ name, inOllama, registered }: { name: string; inOllama: boolean; registered: boolean }) {
  const entry = useAppStore((s) => s.modelFacts[modelKey(name)]);
  const loadFacts = useAppStore((s) => s.loadFacts);
  const online = useAppStore((s) => s.sync?.connection.status === 'online');
  // The digest Ollama has now: a rebuild or a pull changes it, and the facts are read again.
  const digest = useAppStore((s) => s.sync?.ollamaModels.find((m) => sameModel(m.name, name))?.digest ?? null);
  const stale = entry?.status === 'ready' && digest !== null && entry.facts.digest !== digest;
  // Once per digest seen: the sync's list may lag behind what the facts call read, and must not loop.
  const forcedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!inOllama || !online) return;
    if (stale && forcedFor.current !== digest) {
      forcedFor.current = digest;
      void loadFacts(name, { force: true });
    } else void loadFacts(name);
  }, [name, inOllama, online, loadFacts, stale, digest]);

  let body;
  if (!inOllama) body = <p className="muted">Ollama does not have this model yet: its facts show once it is built or pulled.</p>;
  else if (!entry || entry.status === 'loading') body = <p className="muted">Asking Ollama…</p>;
  else if (entry.status === 'failed')
    body = (
      <p role="alert" data-testid="facts-failed">
        Could not read its facts: {entry.error}{' '}
        <button type="button" className="button button--small" onClick={() => void loadFacts(name, { force: true })}>
          Try again
        </button>
      </p>
    );
  const facts = entry?.status === 'ready' ? entry.facts : null;
  return (
    <>
      <section className="overview__section" aria-labelledby="overview-facts-title" data-testid="model-facts">
        <h2 id="overview-facts-title">Facts</h2>
        {facts ? (
          <>
            <dl className="facts">
              <dt>Architecture</dt>
              <dd data-testid="fact-architecture">{facts.architecture ?? 'not reported'}</dd>
              <dt>Parameters</dt>
              <dd>
                {facts.parameterSize ?? 'not reported'}
                {facts.parameterCount !== null && <span className="muted"> ({facts.parameterCount.toLocaleString('en-US')})</span>}
              </dd>
              <dt>Quantization</dt>
              <dd>{facts.quantization ?? 'not reported'}</dd>
              <dt>File size</dt>
              <dd>{humanBytes(facts.fileSize)}</dd>
              <dt>Trained context</dt>
              <dd>{facts.trainedContext === null ? 'not reported' : `${facts.trainedContext} tokens`}</dd>
              <dt>Runs with</dt>
              <dd data-testid="fact-context" data-source={facts.context.source}>
                {facts.context.explanation}
              </dd>
              {facts.remote && (
                <>
                  <dt>Runs on</dt>
                  <dd>
                    {facts.remote.host}
                    {facts.remote.model ? ` as ${facts.remote.model}` : ''}
                  </dd>
                </>
              )}
            </dl>
            <CapabilityBadges capabilities={facts.capabilities} cloud={facts.cloud} />
          </>
        ) : (
          body
        )}
      </section>
      {facts && (
        <section className="overview__section" aria-labelledby="overview-memory-title">
          <h2 id="overview-memory-title">Memory</h2>
          {facts.cloud ? (
            <p className="muted">A cloud model runs on ollama.com: it takes no memory on this machine.</p>
          ) : (
            <MemoryEstimatePanel facts={facts} registered={registered} />
          )}
        </section>
      )}
    </>
  );
}
