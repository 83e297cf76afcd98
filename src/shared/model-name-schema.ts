import { z } from 'zod';
import { isHuggingFaceName, parseHuggingFaceName } from './hf-model-name';
import { modelNameProblem } from './model-name';

/** Ollama's rules; a Hugging Face name gets the words of its own shape (`hf.co/user` lacks a repository). */
function nameProblem(name: string): string | null {
  if (isHuggingFaceName(name)) {
    const hf = parseHuggingFaceName(name);
    if (!hf.ok) return hf.problem;
  }
  return modelNameProblem(name);
}

/**
 * A name that is sent to Ollama as it is (show, load, unload, pull, adopt): checked here by
 * Ollama's own rules, so a bad one is the caller's 400 naming the field, not Ollama's 400 passed
 * on as a server error, and a 100 KB string never travels to Ollama.
 */
export const ollamaModelNameSchema = z
  .string()
  .min(1, 'give a model name')
  .max(500, 'is not a valid Ollama model name: it has more than 500 characters')
  .superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: `is not a valid Ollama model name: ${problem}` });
  });
