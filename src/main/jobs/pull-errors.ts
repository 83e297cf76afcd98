import { AppError, toAppError } from '../../shared/errors';

/**
 * Ollama says "pull model manifest: file does not exist" (in the stream) or answers 404 when the
 * registry has no such model or tag. The user typed a name that does not exist: say so in those
 * words, as `not_found`, so that nobody offers to resume or retry a download that never began.
 */
const NOT_IN_LIBRARY = /pull model manifest: file does not exist|manifest unknown|file does not exist|not found/i;

export function pullFailure(error: unknown, model: string): unknown {
  const appError = toAppError(error);
  const missing = appError.kind === 'not_found' || (appError.kind === 'ollama' && NOT_IN_LIBRARY.test(appError.message));
  if (!missing) return error;
  return new AppError(
    'not_found',
    `${model} was not found in the Ollama library. Check the name and tag (as listed on ollama.com/library, e.g. llama3.2 or qwen3:8b), then pull it under its right name.`,
  );
}
