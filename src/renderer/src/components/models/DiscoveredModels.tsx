import { formatBytes } from '../../models/format-bytes';
import { useAppStore } from '../../store/store-context';

/** Models Ollama has that the registry does not name, so the user sees everything in one place. */
export function DiscoveredModels() {
  const discovered = useAppStore((s) => s.sync?.discovered);
  if (!discovered || discovered.length === 0) return null;
  return (
    <section className="discovered" aria-labelledby="discovered-title" data-testid="discovered-section">
      <h2 id="discovered-title">
        In Ollama, not in the registry <span className="count-badge">{discovered.length}</span>
      </h2>
      <p className="section-hint">Ollama has these models, but model_settings.json does not list them.</p>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
