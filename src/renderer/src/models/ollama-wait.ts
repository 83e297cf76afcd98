/**
 * The words for a wait on a silent Ollama, the same in the job panel and the chat. Silence is
 * not failure (a large model can take minutes to load on a CPU), so it says how long, not "stuck".
 */
export function ollamaWaitText(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  const span = whole < 120 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `No answer from Ollama for ${span}`;
}
