export function EmptyWorkspace({ registryPath }: { registryPath: string }) {
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
    </section>
  );
}
