import type { ChatTimings } from '../../../../shared/chat';

function duration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "42.1 tokens/s · first token 310 ms · 2.4 s total · 128 tokens" (parts Ollama did not give are left out). */
export function formatTimings(t: ChatTimings): string[] {
  const parts: string[] = [];
  if (t.tokensPerSecond !== null) parts.push(`${t.tokensPerSecond >= 100 ? Math.round(t.tokensPerSecond) : t.tokensPerSecond.toFixed(1)} tokens/s`);
  if (t.timeToFirstTokenMs !== null) parts.push(`first token ${duration(t.timeToFirstTokenMs)}`);
  if (t.totalMs !== null) parts.push(`${duration(t.totalMs)} total`);
  if (t.evalCount !== null) parts.push(`${t.evalCount} ${t.evalCount === 1 ? 'token' : 'tokens'}`);
  return parts;
}
