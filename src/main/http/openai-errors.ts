import type { ServerResponse } from 'node:http';
import type { AppError } from '../../shared/errors';
import { sendJson } from './responses';

/**
 * Errors of the /v1 routes in OpenAI's shape, `{ error: { message, type, param, code } }`, so
 * OpenAI client libraries raise their usual exceptions with our message in them.
 */

export type OpenAiErrorType = 'invalid_request_error' | 'authentication_error' | 'server_error' | 'api_error';

export interface OpenAiErrorBody {
  message: string;
  type: OpenAiErrorType;
  param: string | null;
  code: string | null;
}

export class OpenAiError extends Error {
  override readonly name = 'OpenAiError';
  constructor(
    readonly status: number,
    message: string,
    readonly type: OpenAiErrorType,
    readonly code: string | null = null,
    readonly param: string | null = null,
    /** False tells OpenAI's clients (`x-should-retry`) that retrying cannot help. */
    readonly retryable: boolean | null = null,
  ) {
    super(message);
  }

  body(): { error: OpenAiErrorBody } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export function sendOpenAiError(res: ServerResponse, error: OpenAiError, headers: Record<string, string> = {}): void {
  const retry: Record<string, string> = error.retryable === null ? {} : { 'x-should-retry': String(error.retryable) };
  sendJson(res, error.status, error.body(), { ...retry, ...headers });
}

export function notConfigured(model: string): OpenAiError {
  return new OpenAiError(400, `model ${model} not configured`, 'invalid_request_error', 'model_not_found', 'model', false);
}

export function notAvailable(model: string): OpenAiError {
  return new OpenAiError(503, `model ${model} not available`, 'server_error', 'model_not_available', 'model', false);
}

/** A failure on the Ollama side, after the request was accepted. */
export function fromAppError(error: AppError, model: string): OpenAiError {
  switch (error.kind) {
    case 'not_found':
      // The registry says available but Ollama lacks it: the next sync will say so too.
      return notAvailable(model);
    case 'offline':
      return new OpenAiError(503, error.message, 'server_error', 'ollama_unreachable', null, true);
    case 'stalled':
      // Ollama took the request and went silent: a gateway timeout, worth one more try later.
      return new OpenAiError(504, error.message, 'server_error', 'ollama_stalled', null, true);
    case 'validation':
      return new OpenAiError(400, error.message, 'invalid_request_error', null, null, false);
    case 'internal':
      return new OpenAiError(500, 'Something went wrong inside Modelwright; its log has the details.', 'server_error', null, null, null);
    default:
      return new OpenAiError(502, error.message, 'api_error', 'ollama_error', null, null);
  }
}
