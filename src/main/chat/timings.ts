import type { ChatTimings } from '../../shared/chat';
import type { ChatFinalStats } from './ollama-chat';

/**
 * Timings under a reply. Ollama's final chunk is the authority (its durations exclude our own
 * transport); a reply stopped or failed before that chunk is timed here instead.
 */

const NS_PER_MS = 1_000_000;

function ms(ns: number | null): number | null {
  return ns === null ? null : ns / NS_PER_MS;
}

export function timingsFromStats(stats: ChatFinalStats, measuredFirstTokenMs: number | null): ChatTimings {
  const tokensPerSecond =
    stats.evalCount !== null && stats.evalDuration !== null && stats.evalDuration > 0 ? stats.evalCount / (stats.evalDuration / 1e9) : null;
  // Before the first token Ollama loads the model and reads the prompt; both are in the chunk.
  const beforeFirst = stats.loadDuration !== null || stats.promptEvalDuration !== null ? (stats.loadDuration ?? 0) + (stats.promptEvalDuration ?? 0) : null;
  return {
    tokensPerSecond,
    timeToFirstTokenMs: beforeFirst !== null ? beforeFirst / NS_PER_MS : measuredFirstTokenMs,
    totalMs: ms(stats.totalDuration),
    evalCount: stats.evalCount,
    promptEvalCount: stats.promptEvalCount,
    source: 'ollama',
  };
}

export interface MeasuredStream {
  startedAt: number;
  firstTokenAt: number | null;
  endedAt: number;
  /** Deltas received; Ollama sends one token per line, so it approximates the token count. */
  tokens: number;
}

export function measuredTimings(m: MeasuredStream): ChatTimings {
  const generating = m.firstTokenAt === null ? 0 : m.endedAt - m.firstTokenAt;
  return {
    tokensPerSecond: m.tokens > 1 && generating > 0 ? (m.tokens - 1) / (generating / 1000) : null,
    timeToFirstTokenMs: m.firstTokenAt === null ? null : m.firstTokenAt - m.startedAt,
    totalMs: m.endedAt - m.startedAt,
    evalCount: m.tokens,
    promptEvalCount: null,
    source: 'measured',
  };
}
