import { z } from 'zod';
import type { OllamaChatMessage, OllamaToolCall } from '../chat/ollama-chat';
import { OpenAiError } from './openai-errors';

/**
 * Tool calls between OpenAI's shape and Ollama's, as Ollama's own compatibility layer converts
 * them (openai/openai.go): OpenAI's `arguments` is a JSON string, Ollama's an object; a `tool`
 * message's `name` (else the name of the call its `tool_call_id` answers) becomes `tool_name`.
 * Everything else (the tool list, ids, argument values) passes unchanged.
 */

export const openAiToolCallSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});
export type OpenAiToolCall = z.output<typeof openAiToolCallSchema>;

function invalid(message: string, param: string): OpenAiError {
  return new OpenAiError(400, message, 'invalid_request_error', null, param, false);
}

export function toOllamaToolCalls(calls: readonly OpenAiToolCall[], index: number): OllamaToolCall[] {
  return calls.map((call, c) => {
    let args: unknown;
    try {
      args = JSON.parse(call.function.arguments);
    } catch {
      args = undefined;
    }
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw invalid(`messages[${index}].tool_calls[${c}].function.arguments must be a JSON object in a string, as the model sent it.`, `messages[${index}].tool_calls`);
    }
    return { ...(call.id ? { id: call.id } : {}), function: { name: call.function.name, arguments: args as Record<string, unknown> } };
  });
}

/** The function a tool result answers: its `name`, else the latest call with its `tool_call_id` (last one wins, as Ollama does). */
export function toolNameOf(
  message: { name?: string | undefined; tool_call_id?: string | undefined },
  messages: ReadonlyArray<{ tool_calls?: readonly OpenAiToolCall[] | null | undefined }>,
): string | undefined {
  if (message.name) return message.name;
  if (!message.tool_call_id) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const found = messages[i]?.tool_calls?.find((call) => call.id === message.tool_call_id);
    if (found) return found.function.name;
  }
  return undefined;
}

/** Ollama's calls as OpenAI's (ToToolCalls): `index` is the call's place in the reply. */
export function toOpenAiToolCalls(calls: readonly OllamaToolCall[], firstIndex: number): Array<Record<string, unknown>> {
  return calls.map((call, i) => ({
    index: firstIndex + i,
    id: call.id ?? `call_${firstIndex + i}`,
    type: 'function',
    function: { name: call.function.name, arguments: JSON.stringify(call.function.arguments) },
  }));
}

export function withToolFields(message: OllamaChatMessage, extra: Pick<OllamaChatMessage, 'tool_calls' | 'tool_name' | 'tool_call_id'>): OllamaChatMessage {
  const out: OllamaChatMessage = { ...message };
  if (extra.tool_calls && extra.tool_calls.length > 0) out.tool_calls = extra.tool_calls;
  if (extra.tool_name) out.tool_name = extra.tool_name;
  if (extra.tool_call_id) out.tool_call_id = extra.tool_call_id;
  return out;
}
