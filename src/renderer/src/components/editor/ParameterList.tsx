import { parameterCatalog } from '../../../../shared/modelfile';

const TYPE_LABELS = { int: 'whole number', float: 'number', bool: 'true or false', 'string-list': 'text, repeatable' } as const;

/** Every PARAMETER name Ollama knows, with its type and what it does; a name can be taken into the editor. */
export function ParameterList({ id, onPick }: { id: string; onPick?: (name: string) => void }) {
  return (
    <div id={id} className="parameter-list" role="region" aria-label="Parameters Ollama knows" data-testid="parameter-list">
      <dl>
        {parameterCatalog.map((p) => (
          <div key={p.name} className="parameter-list__item">
            <dt>
              {onPick ? (
                <button type="button" className="link-button mono" title={`Use ${p.name}`} onClick={() => onPick(p.name)}>
                  {p.name}
                </button>
              ) : (
                <code>{p.name}</code>
              )}{' '}
              <span className="muted">{TYPE_LABELS[p.type]}</span>
            </dt>
            <dd>{p.help}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
