import { z } from 'zod';
import { modelKey } from '../../../src/shared/model-name';
import type { ScriptedToolCall } from './tool-calls';

/**
 * Scripted replies: a test says what a model answers to a prompt, e.g. that `bot-v2` gets one
 * case wrong that `bot-v1` got right. The first rule that matches wins; no match leaves the
 * deterministic generated reply.
 */

export interface ReplyRule {
  /** The model as Ollama resolves names (`bot-v1` = `bot-v1:latest`, any case); absent: any model. */
  model?: string;
  /** A substring of the last user message (the prompt for /api/generate), or a RegExp; absent: any. */
  when?: string | RegExp;
  /** The reply, sent as is (even when `format` asks for JSON, so a test can make a model break it). */
  text: string;
  /** Streamed as `thinking` before the text when thinking is on; generated when absent. */
  thinking?: string;
  /** Before the first token: a slow model's time to first token. */
  delayMs?: number;
  /** With `tools` in the request, the calls the model makes instead of answering (see tool-calls). */
  toolCalls?: ScriptedToolCall[];
}

/** The control API's form: JSON has no RegExp, so one is sent as `{regex, flags?}`. */
export const replyRuleSchema = z.strictObject({
  model: z.string().min(1).optional(),
  when: z.union([z.string(), z.strictObject({ regex: z.string(), flags: z.string().regex(/^[dgimsuvy]*$/).optional() })]).optional(),
  text: z.string(),
  thinking: z.string().optional(),
  delayMs: z.number().nonnegative().max(600_000).optional(),
  toolCalls: z.array(z.strictObject({ name: z.string().min(1), arguments: z.record(z.string(), z.unknown()).optional() })).optional(),
});

export function ruleFromJson(input: z.infer<typeof replyRuleSchema>): ReplyRule {
  const { when, ...rest } = input;
  if (when === undefined || typeof when === 'string') return { ...rest, ...(when === undefined ? {} : { when }) };
  try {
    return { ...rest, when: new RegExp(when.regex, when.flags) };
  } catch (error) {
    throw new Error(`when.regex is not a valid regular expression: ${(error as Error).message}`, { cause: error });
  }
}

/** For the control API's state: RegExps as `/…/flags`. */
export function ruleToJson(rule: ReplyRule): Record<string, unknown> {
  return { ...rule, ...(rule.when instanceof RegExp ? { when: String(rule.when) } : {}) };
}

export function matchRule(rules: readonly ReplyRule[], model: string, prompt: string): ReplyRule | undefined {
  const key = modelKey(model);
  return rules.find((rule) => {
    if (rule.model !== undefined && modelKey(rule.model) !== key) return false;
    if (rule.when === undefined) return true;
    if (typeof rule.when === 'string') return prompt.includes(rule.when);
    rule.when.lastIndex = 0; // a /g or /y RegExp keeps state between tests otherwise
    return rule.when.test(prompt);
  });
}
