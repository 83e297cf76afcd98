/** Ollama's capability names in the words a user reads. */
const LABELS: Record<string, string> = {
  completion: 'Chat',
  tools: 'Tools',
  thinking: 'Thinking',
  vision: 'Vision',
  embedding: 'Embeddings',
  insert: 'Fill-in',
};

export function capabilityLabel(capability: string): string {
  return LABELS[capability] ?? capability;
}

/** One badge per capability, plus "Cloud" for a model that runs on ollama.com. */
export function CapabilityBadges({ capabilities, cloud }: { capabilities: readonly string[]; cloud: boolean }) {
  if (capabilities.length === 0 && !cloud) return null;
  return (
    <ul className="capabilities" aria-label="Capabilities" data-testid="capabilities">
      {cloud && (
        <li className="capability capability--cloud" data-testid="capability-cloud" title="Runs on ollama.com, not on this machine">
          Cloud
        </li>
      )}
      {capabilities.map((c) => (
        <li key={c} className="capability" data-capability={c}>
          {capabilityLabel(c)}
        </li>
      ))}
    </ul>
  );
}
