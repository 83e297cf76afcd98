/** Whole seconds, at least 1: "Thought for 3 s". */
export function thoughtFor(ms: number): string {
  return `Thought for ${Math.max(1, Math.round(ms / 1000))} s`;
}

/**
 * What a model thought before answering, folded above the answer (closed by default, like
 * Ollama's own app): "Thinking…" while it thinks, then "Thought for N s". Plain text: thoughts
 * are drafts, not formatted answers.
 */
export function ThinkingView({ text, thinkingMs, thinking }: { text: string; thinkingMs: number | null; thinking: boolean }) {
  return (
    <details className="reply-thinking" data-testid="reply-thinking">
      <summary data-testid="reply-thinking-summary">{thinking ? 'Thinking…' : thinkingMs === null ? 'Thoughts' : thoughtFor(thinkingMs)}</summary>
      <div className="reply-thinking__text">{text}</div>
    </details>
  );
}

