import { selectBaseModelRows } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { StatusChip } from '../common/StatusChip';

const IN_OLLAMA_TEXT = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;

export function BaseModelsPage() {
  const rows = useAppStore(selectBaseModelRows);
  return (
    <section className="page" aria-labelledby="base-models-title">
      <header className="page__header">
        <h1 id="base-models-title">Base models</h1>
        <p className="page__summary">
          {rows.length} {rows.length === 1 ? 'base model' : 'base models'}
        </p>
      </header>
      <div className="page__scroll page__scroll--padded">
        <p className="section-hint">
          The Ollama models your Modelfiles start <code>FROM</code>, as listed under <code>base_models</code> in model_settings.json.
        </p>
        {rows.length === 0 ? (
          <section className="empty-state" aria-labelledby="no-base-models-title">
            <h2 id="no-base-models-title">The registry lists no base models</h2>
            <p>
              Add entries under <code>base_models</code> in model_settings.json to keep track of the models you build on.
            </p>
          </section>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="base-models-table">
              <thead>
                <tr>
                  <th scope="col">Display name</th>
                  <th scope="col">Name</th>
                  <th scope="col">Description</th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">In Ollama</th>
                  <th scope="col" className="num">
                    Models built on it
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const inOllama = row.inOllama === null ? 'unknown' : row.inOllama ? 'yes' : 'no';
                  return (
                    <tr key={row.name} data-testid="base-model-row" data-model-name={row.name}>
                      <th scope="row" className="truncate" title={row.entry.display_name || row.name}>
                        {row.entry.display_name || row.name}
                      </th>
                      <td className="mono truncate" title={row.name}>
                        {row.name}
                      </td>
                      <td title={row.entry.description || undefined}>
                        {/* The clamp lives on an inner block: a table cell must keep display: table-cell. */}
                        <span className="clamp-2">{row.entry.description || <span className="muted">—</span>}</span>
                      </td>
                      <td className="num">{row.entry.size ?? '—'}</td>
                      <td>
                        <StatusChip status={row.entry.status} />
                      </td>
                      <td data-in-ollama={inOllama} className={`in-ollama in-ollama--${inOllama}`}>
                        {IN_OLLAMA_TEXT[inOllama]}
                      </td>
                      <td className="num">{row.builtOnIt}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
