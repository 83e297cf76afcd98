import { modelKey } from '../../../../shared/model-name';
import { selectOllamaNames } from '../../store/modelfile-selectors';
import { useAppStore } from '../../store/store-context';
import { ownValue } from '../../../../shared/own-key';

/** The base model's name, its registry display name, and whether Ollama has it (unknown while offline). */
export function BaseModelFact({ name }: { name: string }) {
  const entry = useAppStore((s) => (name ? ownValue(s.snapshot?.registry.base_models, name) : undefined));
  const inOllama = useAppStore((s) => {
    const names = selectOllamaNames(s);
    return names && name ? names.some((m) => modelKey(m.name) === modelKey(name)) : null;
  });
  if (!name) return <span className="muted">None</span>;
  return (
    <>
      <span className="mono">{name}</span>
      {entry?.display_name && <span className="muted"> · {entry.display_name}</span>}
      {inOllama !== null && (
        <span className={inOllama ? 'in-ollama--yes' : 'in-ollama--no'} data-testid="base-in-ollama">
          {' '}
          {inOllama ? 'in Ollama' : 'not in Ollama'}
        </span>
      )}
    </>
  );
}
