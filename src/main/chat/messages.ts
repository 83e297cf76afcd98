import type { ChatLane, ChatMessage, ChatSettings, Conversation } from '../../shared/chat';
import type { OllamaChatMessage, OllamaChatRequest } from './ollama-chat';

/**
 * What one lane of a conversation sends to /api/chat. Each lane sees the user's messages and
 * only its own replies, so two compared models never read each other's answers. A system
 * prompt is sent only when the conversation overrides it: without one, Ollama applies the
 * model's own SYSTEM from its Modelfile.
 */

export function laneModel(conversation: Pick<Conversation, 'model' | 'compareModel'>, lane: ChatLane): string | null {
  return lane === 'a' ? conversation.model : conversation.compareModel;
}

export function activeLanes(conversation: Pick<Conversation, 'compareModel'>): ChatLane[] {
  return conversation.compareModel === null ? ['a'] : ['a', 'b'];
}

/** A failed reply with no text taught the model nothing; a stopped one keeps what it said. */
function belongsToHistory(message: ChatMessage, lane: ChatLane): boolean {
  if (message.role === 'user') return true;
  return message.lane === lane && message.content !== '';
}

export function historyFor(messages: readonly ChatMessage[], lane: ChatLane): OllamaChatMessage[] {
  return messages.filter((m) => belongsToHistory(m, lane)).map((m) => ({ role: m.role, content: m.content }));
}

export function optionsFor(settings: ChatSettings): Record<string, unknown> | undefined {
  const options: Record<string, unknown> = {};
  if (settings.temperature !== null) options.temperature = settings.temperature;
  if (settings.numCtx !== null) options.num_ctx = settings.numCtx;
  return Object.keys(options).length > 0 ? options : undefined;
}

export function buildChatRequest(conversation: Conversation, lane: ChatLane, model: string): OllamaChatRequest {
  const messages = historyFor(conversation.messages, lane);
  const { systemPrompt } = conversation.settings;
  if (systemPrompt !== null) messages.unshift({ role: 'system', content: systemPrompt });
  const options = optionsFor(conversation.settings);
  // Asked for as the conversation says; the chat streamer sends it only to a model that can think.
  const think = conversation.settings.think ?? false;
  return options ? { model, messages, options, think } : { model, messages, think };
}
