import type { FormatSetting, ThinkSetting } from './inference-input';
import type { FakeModel } from './model-store';
import { ReplyRandom, textTokens, wordTokens } from './reply-random';
import { matchRule, type ReplyRule } from './reply-rules';
import { instanceOf } from './schema-instance';
import { plannedToolCalls, type ToolCallOut } from './tool-calls';
import type { ChatSettings } from './types';

/**
 * What a model answers, decided before streaming. A scripted answer wins (a matching rule, then
 * the fake's `chat.text`), sent as is. Otherwise the words are a function of what decides a real
 * model's output: its weights and template, the messages it sees (the Modelfile's SYSTEM unless
 * the request brings its own, its MESSAGEs, the request's), the sampling options, `think` and
 * `format`. At temperature 0 decoding is greedy, so the seed does not matter; above 0 the seed
 * does, and with no seed (Ollama's -1) each request draws anew from a counter, so repeated runs
 * of a test see the same sequence while repeated requests differ, as with a real server.
 */

export interface ReplyPlan {
  thinking: string[];
  content: string[];
  /** Tool calls the model makes instead of answering in text (chat with `tools` only). */
  toolCalls: ToolCallOut[];
  delayMs: number;
  promptTokens: number;
}

export interface ReplyInput {
  kind: 'chat' | 'generate';
  model: FakeModel;
  body: Record<string, unknown>;
  options: Record<string, unknown>;
  think: ThinkSetting;
  format: FormatSetting;
  chat: ChatSettings;
  rules: readonly ReplyRule[];
  /** Called for a request that samples without a seed; returns a fresh number each time. */
  nextUnseeded: () => number;
  /** The server version the fake plays (tool call fields came in steps). */
  version: string;
}

interface PromptMessage {
  role: string;
  content: string;
}

const THINKING_TOKENS: Record<Exclude<ThinkSetting, false>, number> = { low: 4, medium: 8, high: 16, max: 24 };
/** Ollama's defaults (api.DefaultOptions). */
const DEFAULT_TEMPERATURE = 0.8;
const SAMPLING_OPTIONS = ['seed', 'top_k', 'top_p', 'min_p', 'typical_p'];
const PENALTY_OPTIONS = ['repeat_penalty', 'repeat_last_n', 'presence_penalty', 'frequency_penalty'];
/** Template tokens around each message (role headers, end markers). */
const TOKENS_PER_MESSAGE = 4;

function asMessages(value: unknown): PromptMessage[] {
  if (!Array.isArray(value)) return [];
  return value.map((m: Record<string, unknown>) => ({ role: String(m.role ?? ''), content: typeof m.content === 'string' ? m.content : '' }));
}

/** The messages the template renders, as ChatHandler and GenerateHandler assemble them. */
function promptMessages(input: ReplyInput): PromptMessage[] {
  const { model, body } = input;
  if (input.kind === 'chat') {
    const sent = asMessages(body.messages);
    const system = sent[0]?.role !== 'system' && model.system !== '' ? [{ role: 'system', content: model.system }] : [];
    return [...system, ...model.messages, ...sent];
  }
  const prompt = { role: 'user', content: typeof body.prompt === 'string' ? body.prompt : '' };
  if (body.raw === true) return [prompt];
  const system = typeof body.system === 'string' && body.system !== '' ? body.system : model.system;
  return [...(system ? [{ role: 'system', content: system }] : []), ...(body.context === undefined ? model.messages : []), prompt];
}

/** The text rules match: the last user message, or the prompt. */
function lastUserText(input: ReplyInput): string {
  if (input.kind === 'generate') return typeof input.body.prompt === 'string' ? input.body.prompt : '';
  return asMessages(input.body.messages).findLast((m) => m.role === 'user')?.content ?? '';
}

function option(input: ReplyInput, name: string): unknown {
  return input.options[name] ?? input.model.parameters[name];
}

function samplingKey(input: ReplyInput): Record<string, unknown> {
  const temperature = typeof option(input, 'temperature') === 'number' ? (option(input, 'temperature') as number) : DEFAULT_TEMPERATURE;
  const key: Record<string, unknown> = { temperature };
  for (const name of PENALTY_OPTIONS) key[name] = option(input, name);
  if (temperature > 0) {
    for (const name of SAMPLING_OPTIONS) key[name] = option(input, name);
    const seed = option(input, 'seed');
    if (typeof seed !== 'number' || seed < 0) key.draw = input.nextUnseeded();
  }
  return key;
}

function countPromptTokens(messages: PromptMessage[]): number {
  return messages.reduce((sum, m) => sum + Math.ceil(m.content.length / 4) + TOKENS_PER_MESSAGE, 1);
}

function generatedContent(input: ReplyInput, random: ReplyRandom): string[] {
  if (input.format.kind === 'json') return textTokens(JSON.stringify({ answer: wordTokens(random, Math.max(1, input.chat.tokens)).join('') }));
  if (input.format.kind === 'schema') return textTokens(JSON.stringify(instanceOf(input.format.schema, random)));
  return wordTokens(random, input.chat.tokens);
}

export function planReply(input: ReplyInput): ReplyPlan {
  const messages = promptMessages(input);
  const rule = matchRule(input.rules, input.model.name, lastUserText(input));
  const key = JSON.stringify({
    weights: input.model.weights.map((layer) => layer.digest),
    template: input.model.template,
    messages,
    sampling: samplingKey(input),
    think: input.think,
    format: input.format.kind === 'schema' ? input.format.schema : input.format.kind,
    tools: input.body.tools ?? null,
  });
  const toolCalls =
    input.kind === 'chat'
      ? plannedToolCalls({ tools: input.body.tools, messages: input.body.messages, scripted: rule?.toolCalls, random: new ReplyRandom(`tools\n${key}`), version: input.version })
      : [];
  let content: string[];
  if (toolCalls.length > 0) content = [];
  else if (rule) content = textTokens(rule.text);
  else if (input.chat.text !== undefined) content = textTokens(input.chat.text);
  else content = generatedContent(input, new ReplyRandom(`content\n${key}`));
  let thinking: string[] = [];
  if (input.think !== false) {
    thinking = rule?.thinking !== undefined ? textTokens(rule.thinking) : wordTokens(new ReplyRandom(`thinking\n${key}`), THINKING_TOKENS[input.think]);
  }
  return { thinking, content, toolCalls, delayMs: rule?.delayMs ?? 0, promptTokens: countPromptTokens(messages) };
}
