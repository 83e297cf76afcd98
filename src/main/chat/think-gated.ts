import { asksToThink, gateThink } from '../../shared/think';
import type { ChatStreamEvent, OllamaChatRequest } from './ollama-chat';

/**
 * Sends a chat with `think` gated by the model's capabilities (see shared/think): the capabilities
 * are asked only when the request wants thinking, and a model without `thinking` (or one whose
 * capabilities cannot be learned) gets `think: false`, so Ollama never sees `think: true` for it.
 */
export async function* thinkGated(
  request: OllamaChatRequest,
  capabilities: () => Promise<readonly string[] | null>,
  send: (request: OllamaChatRequest) => AsyncIterable<ChatStreamEvent>,
): AsyncGenerator<ChatStreamEvent> {
  const think = asksToThink(request.think) ? gateThink(request.think, await capabilities()).think : false;
  yield* send({ ...request, think });
}
