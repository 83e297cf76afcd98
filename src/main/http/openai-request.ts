import { z } from 'zod';
import { formatIssuePath } from '../../shared/errors';
import type { OllamaChatMessage, OllamaChatRequest } from '../chat/ollama-chat';
import { OpenAiError } from './openai-errors';

/**
 * `POST /v1/chat/completions` bodies: OpenAI's chat request, text only, turned into Ollama's.
 * Unknown fields are ignored as OpenAI-compatible servers do; fields that would change the answer
 * in ways this proxy cannot honour (images, tools, n > 1) are refused with a clear 400.
 */

const textPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(textPartSchema), z.null()]).optional(),
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

function toOllamaMessage(message: z.output<typeof messageSchema>, index: number): OllamaChatMessage {
  if (message.role === 'tool' || message.role === 'function') {
    throw invalid(`Tool messages are not supported by this endpoint (messages[${index}]).`, `messages[${index}].role`);
  }
  // OpenAI's newer name for the system role.
  const role = message.role === 'developer' ? 'system' : message.role;
  return { role, content: textOf(message, index) };
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
  const messages = request.messages.map(toOllamaMessage);
  return Object.keys(options).length > 0 ? { model, messages, options } : { model, messages };
}
