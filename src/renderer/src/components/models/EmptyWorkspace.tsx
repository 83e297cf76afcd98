import { useAppStore } from '../../store/store-context';
import { NewModelButton } from './NewModelButton';

export function EmptyWorkspace({ registryPath }: { registryPath: string }) {
  const discovered = useAppStore((s) => s.sync?.discovered.length ?? 0);
  const online = useAppStore((s) => s.sync?.connection.status === 'online');
  const requestDiscoveredFocus = useAppStore((s) => s.requestDiscoveredFocus);
  const adoptHint = discovered > 0 ? null : online ? 'Ollama has no models outside the registry.' : 'Ollama is not connected.';
  return (
    <section className="empty-state" aria-labelledby="empty-workspace-title" data-testid="empty-workspace">
      <h2 id="empty-workspace-title">No models in this workspace yet</h2>
      <p>
        The registry, <code>model_settings.json</code>, lists the custom models you build from Modelfiles: the name Ollama knows
        each one by, the name shown to people, its version and base model, and whether Ollama has it.
      </p>
      <p>
        This workspace's registry is <code className="path">{registryPath}</code>.
      </p>
      <p>Add a model to model_settings.json or adopt one from Ollama below.</p>
      <div className="empty-state__actions">
        <NewModelButton primary />
        <button
          type="button"
          className="button"
          disabled={discovered === 0}
          aria-describedby={adoptHint ? 'empty-adopt-hint' : undefined}
          data-testid="empty-adopt"
          onClick={requestDiscoveredFocus}
        >
          Adopt from Ollama
        </button>
        {adoptHint && (
          <span id="empty-adopt-hint" className="field-hint">
            {adoptHint}
          </span>
        )}
      </div>
    </section>
  );
}
