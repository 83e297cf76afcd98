import { z } from 'zod';

/**
 * Ollama's `think` and who may be sent it. `/api/chat` takes a bool or a level (`low`, `medium`,
 * `high` since 0.11.1, `max` since 0.22); a model whose capabilities lack `thinking` answers
 * `think: true` (or a level) with a 400, and since 0.12.4 a capable model thinks unless told
 * `false`. So the rule every caller (chat, evaluations, the /v1 proxy) follows: `think` is on only
 * for a model known to have the capability, and otherwise exactly `false`.
 */

export const THINK_LEVELS = ['low', 'medium', 'high', 'max'] as const;
export type ThinkLevel = (typeof THINK_LEVELS)[number];

export const thinkValueSchema = z.union([z.boolean(), z.enum(THINK_LEVELS)]);
export type ThinkValue = z.infer<typeof thinkValueSchema>;

/** gpt-oss ignores true/false and wants a level (docs/capabilities/thinking.mdx); its UI offers these. */
export const GPT_OSS_LEVELS = ['low', 'medium', 'high'] as const satisfies readonly ThinkLevel[];

/** True for `true` and every level: what a model without the capability refuses. */
export function asksToThink(value: ThinkValue | null | undefined): boolean {
  return value === true || typeof value === 'string';
}

export function canThink(capabilities: readonly string[] | null | undefined): boolean {
  return capabilities?.includes('thinking') ?? false;
}

export interface ThinkGate {
  /** What to send: the request's value for a capable model, else `false`. */
  think: ThinkValue;
  /** Thinking was asked for but the model cannot (or is not known to) think, so it was turned off. */
  refused: boolean;
}

/**
 * The `think` to send. `capabilities` null means unknown (Ollama unreachable, the model not
 * listed): unknown is treated as "cannot", so an unconfirmed model is never sent `think: true`.
 */
export function gateThink(requested: ThinkValue | null | undefined, capabilities: readonly string[] | null | undefined): ThinkGate {
  const wanted = requested ?? false;
  if (!asksToThink(wanted)) return { think: false, refused: false };
  return canThink(capabilities) ? { think: wanted, refused: false } : { think: false, refused: true };
}

/** Just what a UI needs to offer a thinking control for a model. */
export interface ThinkSubject {
  name: string;
  architecture?: string | null;
  capabilities: readonly string[];
}

/**
 * Which control a model gets: none (no capability), an on/off toggle, or a level select for
 * gpt-oss, whose thinking cannot be turned off and is tuned by level (found by its architecture
 * `gptoss`, so a custom model built FROM gpt-oss counts too; or by the name, as Ollama's app does).
 */
export function thinkControl(subject: ThinkSubject): { kind: 'none' } | { kind: 'toggle' } | { kind: 'levels'; levels: readonly ThinkLevel[] } {
  if (!canThink(subject.capabilities)) return { kind: 'none' };
  const arch = (subject.architecture ?? '').toLowerCase();
  const gptOss = arch === 'gptoss' || arch === 'gpt-oss' || /^(.*\/)?gpt-oss(:|$)/i.test(subject.name);
  return gptOss ? { kind: 'levels', levels: GPT_OSS_LEVELS } : { kind: 'toggle' };
}

/**
 * OpenAI's `reasoning_effort` (or `reasoning.effort`) as Ollama's compatibility layer maps it
 * (openai/openai.go thinkFromReasoningEffort): absent → null (the caller's default), `none` →
 * false, `minimal` → low, `xhigh`/`ultra` → max; anything else is not an effort.
 */
export function thinkFromReasoningEffort(effort: string | null | undefined): ThinkValue | null | 'invalid' {
  switch (effort) {
    case undefined:
    case null:
    case '':
      return null;
    case 'none':
      return false;
    case 'minimal':
      return 'low';
    case 'low':
    case 'medium':
    case 'high':
    case 'max':
      return effort;
    case 'xhigh':
    case 'ultra':
      return 'max';
    default:
      return 'invalid';
  }
}
