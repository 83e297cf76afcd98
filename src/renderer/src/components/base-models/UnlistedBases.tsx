import { formatBytes } from '../../models/format-bytes';
import { selectUnlistedBases } from '../../store/base-model-selectors';
import { selectReadOnly } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

/** Bases the registry's models are built on that `base_models` does not list: one click to list them. */
export function UnlistedBases({ onAdd }: { onAdd(name: string): void }) {
  const unlisted = useAppStore(selectUnlistedBases);
  const readOnly = useAppStore(selectReadOnly);
  if (unlisted.length === 0) return null;
  return (
    <section className="unlisted-bases" aria-labelledby="unlisted-bases-title" data-testid="unlisted-bases">
      <h2 id="unlisted-bases-title">
        Used by your models but not listed <span className="count-badge">{unlisted.length}</span>
      </h2>
      <p className="section-hint">Models in the registry name these as their base model; add them to keep track of them here.</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In Ollama</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Used by</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {unlisted.map((base) => {
              const inOllama = base.inOllama === null ? 'unknown' : base.inOllama ? 'yes' : 'no';
              return (
                <tr key={base.name} data-testid="unlisted-base" data-model-name={base.name}>
                  <th scope="row" className="mono truncate" title={base.name}>
                    {base.name}
                  </th>
                  <td className={`in-ollama in-ollama--${inOllama}`}>{inOllama === 'unknown' ? 'Unknown' : inOllama === 'yes' ? 'Yes' : 'No'}</td>
                  <td className="num">{base.size !== null ? formatBytes(base.size) : '—'}</td>
                  <td className="truncate" title={base.usedBy.join('\n')}>
                    {base.usedBy.join(', ')}
                  </td>
                  <td className="actions-cell">
                    <button type="button" className="button button--small" data-testid="unlisted-add" disabled={readOnly} onClick={() => onAdd(base.name)}>
                      Add to base models
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
