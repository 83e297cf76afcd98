import { useEffect, useRef } from 'react';
import { formatBytes } from '../../models/format-bytes';
import { useAppStore } from '../../store/store-context';

/** Models Ollama has that the registry does not name, so the user sees everything in one place. */
export function DiscoveredModels() {
  const discovered = useAppStore((s) => s.sync?.discovered);
  const readOnly = useAppStore((s) => s.snapshot?.readOnly ?? false);
  const openDialog = useAppStore((s) => s.openModelOpsDialog);
  const focusRequest = useAppStore((s) => s.discoveredFocusRequest);
  const titleRef = useRef<HTMLHeadingElement>(null);

  // "Adopt from Ollama" (empty workspace) brings the list into view and moves focus to it.
  useEffect(() => {
    if (focusRequest === 0) return;
    const title = titleRef.current;
    title?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    title?.focus();
  }, [focusRequest]);

  if (!discovered || discovered.length === 0) return null;
  return (
    <section className="discovered" aria-labelledby="discovered-title" data-testid="discovered-section">
      <h2 id="discovered-title" ref={titleRef} tabIndex={-1}>
        In Ollama, not in the registry <span className="count-badge">{discovered.length}</span>
      </h2>
      <p className="section-hint">Ollama has these models, but model_settings.json does not list them. Adopt one to manage it here.</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Family</th>
              <th scope="col">Parameters</th>
              <th scope="col">Quantization</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {discovered.map((model) => (
              <tr key={model.name} data-testid="discovered-model" data-model-name={model.name}>
                <th scope="row" className="mono truncate" title={model.name}>
                  {model.name}
                </th>
                <td className="num">{formatBytes(model.size)}</td>
                <td>{model.details.family ?? '—'}</td>
                <td>{model.details.parameter_size ?? '—'}</td>
                <td>{model.details.quantization_level ?? '—'}</td>
                <td className="discovered__actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={readOnly}
                    aria-label={`Adopt ${model.name}`}
                    title={readOnly ? 'Read-only until model_settings.json is fixed' : 'Add it to the registry with its Modelfile from Ollama'}
                    data-testid="discovered-adopt"
                    onClick={() => openDialog({ kind: 'adopt', name: model.name })}
                  >
                    Adopt
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
