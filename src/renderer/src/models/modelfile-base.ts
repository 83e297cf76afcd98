import { commandsOf, type Modelfile } from '../../../shared/modelfile';
import { looksLikePath } from '../../../shared/modelfile/looks-like-path';

/**
 * The base model a Modelfile builds on: the last FROM wins, as in Ollama's parser. Null when there
 * is no FROM or it names a weights file or folder (nothing to pull then).
 */
export function baseModelOf(modelfile: Modelfile): string | null {
  const froms = commandsOf(modelfile).filter((c) => c.command === 'from');
  const value = froms.at(-1)?.value.trim() ?? '';
  if (value === '' || looksLikePath(value)) return null;
  return value;
}
