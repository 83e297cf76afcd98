import { AppError, toAppError } from '../../shared/errors';
import { isHuggingFaceName } from '../../shared/hf-model-name';

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
  if (isHuggingFaceName(model)) {
    // The same 404 from Hugging Face: no such repository, no GGUF file for that tag, or a private one.
    return new AppError(
      'not_found',
      `${model} was not found on Hugging Face. Check that the repository exists and has GGUF files, and that the tag names a quantization it has (such as :Q4_K_M, or none for Q4_K_M). A private repository also needs your Ollama key added to your Hugging Face account.`,
    );
  }
  return new AppError(
    'not_found',
    `${model} was not found in the Ollama library. Check the name and tag (as listed on ollama.com/library, e.g. llama3.2 or qwen3:8b), then pull it under its right name.`,
  );
}
