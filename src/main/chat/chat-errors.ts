import type { ChatError, ChatMessage, ChatStream } from '../../shared/chat';
import { toAppError } from '../../shared/errors';
import type { Registry } from '../../shared/registry';
import { findRegistryModel, modelLabel } from './model-lookup';

/**
 * A failed reply, told as what happened and what fixes it. Ollama's 404 means the model does not
 * exist there: a registry model is then simply not built yet (Create), anything else has to be
 * pulled (Pull). An unreachable Ollama keeps the gateway's message, which says how to start it.
 */
export function chatErrorOf(error: unknown, model: string, registry: Registry | null): ChatError {
  const appError = toAppError(error);
  if (appError.kind === 'not_found') {
    const entry = findRegistryModel(registry, model);
    if (entry) {
      return {
        kind: 'not_found',
        message: `${modelLabel(entry)} is not built yet: Ollama has no model ${entry.name}. Create it from its Modelfile, then try again.`,
        fix: 'create',
        model: entry.name,
      };
    }
    return {
      kind: 'not_found',
      message: `${model} is not in Ollama. Pull it, then try again.`,
      fix: 'pull',
      model,
    };
  }
  if (appError.kind === 'offline') return { kind: 'offline', message: appError.message, fix: 'start-ollama', model: null };
  if (appError.kind === 'internal') {
    return { kind: 'internal', message: `The reply failed inside Modelwright (${appError.message}).`, fix: null, model: null };
  }
  return { kind: appError.kind, message: appError.message, fix: null, model: null };
}

/** The saved form of a reply that failed by a bug inside the app (never Ollama's fault). */
export function internalFailure(stream: ChatStream): ChatMessage {
  return {
    id: stream.messageId,
    role: 'assistant',
    content: '',
    createdAt: stream.startedAt,
    model: stream.model,
    lane: stream.lane,
    state: 'failed',
    error: { kind: 'internal', message: 'The reply failed inside Modelwright; the log has the details. Try again.', fix: null, model: null },
    timings: null,
  };
}
