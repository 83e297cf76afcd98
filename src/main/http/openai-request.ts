import { z } from 'zod';
import { formatIssuePath } from '../../shared/errors';
import { thinkFromReasoningEffort, type ThinkValue } from '../../shared/think';
import type { OllamaChatMessage, OllamaChatRequest } from '../chat/ollama-chat';
import { OpenAiError } from './openai-errors';
import { openAiToolCallSchema, toolNameOf, toOllamaToolCalls, withToolFields } from './openai-tool-calls';

/**
 * `POST /v1/chat/completions` bodies: OpenAI's chat request turned into Ollama's as Ollama's own
 * compatibility layer does (openai/openai.go FromChatRequest): `tools`, tool calls and `tool`
 * results, `response_format` (json_object → "json", json_schema → its schema) and
 * `reasoning_effort` (→ `think`, off unless asked). Unknown fields are ignored as
 * OpenAI-compatible servers do; what this proxy cannot honour (images, n > 1) is refused with a
 * clear 400.
 */

const textPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(textPartSchema), z.null()]).optional(),
  tool_calls: z.array(openAiToolCallSchema).nullable().optional(),
  tool_call_id: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  /** An assistant turn's thinking, given back (Ollama's `reasoning`). */
  reasoning: z.string().nullable().optional(),
});

const toolSchema = z.looseObject({ type: z.string(), function: z.looseObject({ name: z.string().min(1) }) });

const responseFormatSchema = z.looseObject({
  type: z.enum(['text', 'json_object', 'json_schema']),
  json_schema: z.looseObject({ schema: z.record(z.string(), z.unknown()).optional() }).optional(),
});

const optionalNumber = z.number().nullable().optional();

export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: optionalNumber,
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  presence_penalty: optionalNumber,
  frequency_penalty: optionalNumber,
  n: z.number().int().nullable().optional(),
  tools: z.array(toolSchema).nullable().optional(),
  response_format: responseFormatSchema.nullable().optional(),
  reasoning_effort: z.string().nullable().optional(),
  reasoning: z.looseObject({ effort: z.string().nullable().optional() }).nullable().optional(),
});
export type ChatCompletionRequest = z.output<typeof chatCompletionRequestSchema>;

function invalid(message: string, param: string | null): OpenAiError {
  return new OpenAiError(400, message, 'invalid_request_error', null, param, false);
}

export function parseChatCompletionRequest(body: unknown): ChatCompletionRequest {
  if (body === undefined) throw invalid('The request body is empty: send a JSON chat completion request.', null);
  const result = chatCompletionRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue ? formatIssuePath(issue.path) : null;
  throw invalid(`Invalid request: ${param ?? '(body)'}: ${issue?.message ?? 'invalid'}`, param);
}

function textOf(message: z.output<typeof messageSchema>, index: number): string {
  const { content } = message;
  if (content === undefined || content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part, p) => {
      if (part.type !== 'text' || part.text === undefined) {
        throw invalid(`Only text content is supported (messages[${index}].content[${p}] is "${part.type}").`, `messages[${index}].content`);
      }
      return part.text;
    })
    .join('');
}

type Message = z.output<typeof messageSchema>;

function toOllamaMessage(message: Message, index: number, all: readonly Message[]): OllamaChatMessage {
  if (message.role === 'function') {
    throw invalid(`The "function" role is OpenAI's deprecated form (messages[${index}]): send tool results with role "tool" and their tool_call_id.`, `messages[${index}].role`);
  }
  // OpenAI's newer name for the system role.
  const role = message.role === 'developer' ? 'system' : message.role;
  const base: OllamaChatMessage = { role, content: textOf(message, index) };
  if (message.reasoning) base.thinking = message.reasoning;
  const toolName = role === 'tool' ? toolNameOf({ name: message.name ?? undefined, tool_call_id: message.tool_call_id ?? undefined }, all) : undefined;
  return withToolFields(base, {
    ...(message.tool_calls ? { tool_calls: toOllamaToolCalls(message.tool_calls, index) } : {}),
    ...(toolName ? { tool_name: toolName } : {}),
    ...(message.tool_call_id ? { tool_call_id: message.tool_call_id } : {}),
  });
}

/** `response_format` as Ollama's `format`; undefined for plain text. */
function formatOf(request: ChatCompletionRequest): unknown {
  const format = request.response_format;
  if (!format || format.type === 'text') return undefined;
  if (format.type === 'json_object') return 'json';
  const schema = format.json_schema?.schema;
  if (!schema) throw invalid('response_format json_schema needs json_schema.schema: the JSON schema the answer must follow.', 'response_format.json_schema.schema');
  return schema;
}

/**
 * The `think` the client asked for with `reasoning_effort` (or `reasoning.effort`); false when it
 * asked for none, since the proxy's answers stay plain unless a client wants reasoning.
 */
export function requestedThink(request: ChatCompletionRequest): ThinkValue {
  const effort = request.reasoning?.effort ?? request.reasoning_effort;
  const think = thinkFromReasoningEffort(effort);
  if (think === 'invalid') {
    const param = request.reasoning?.effort != null ? 'reasoning.effort' : 'reasoning_effort';
    throw invalid(`${param} "${String(effort)}" is not an effort: use "none", "minimal", "low", "medium", "high", "xhigh" or "max".`, param);
  }
  return think ?? false;
}

export function toOllamaRequest(request: ChatCompletionRequest, model: string): OllamaChatRequest {
  if (request.n !== undefined && request.n !== null && request.n !== 1) throw invalid('Only n = 1 is supported.', 'n');
  const options: Record<string, unknown> = {};
  if (request.temperature != null) options.temperature = request.temperature;
  if (request.top_p != null) options.top_p = request.top_p;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) options.num_predict = maxTokens;
  if (request.stop != null) options.stop = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.seed != null) options.seed = request.seed;
  if (request.presence_penalty != null) options.presence_penalty = request.presence_penalty;
  if (request.frequency_penalty != null) options.frequency_penalty = request.frequency_penalty;
  const messages = request.messages.map((message, index, all) => toOllamaMessage(message, index, all));
  const out: OllamaChatRequest = { model, messages, think: requestedThink(request) };
  if (Object.keys(options).length > 0) out.options = options;
  if (request.tools && request.tools.length > 0) out.tools = request.tools;
  const format = formatOf(request);
  if (format !== undefined) out.format = format;
  return out;
}
