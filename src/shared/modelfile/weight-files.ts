import { joinPath } from './local-path';
import type { PathStyle } from './local-path';

export interface DirEntry {
  name: string;
  kind: 'file' | 'dir';
}

/** Lists the entries directly inside a folder (symbolic links followed). */
export type ListDir = (dir: string) => readonly DirEntry[] | Promise<readonly DirEntry[]>;

/**
 * The files Ollama's CLI uploads for `FROM <folder>` (parser.go `filesForModel`): the first kind of
 * weights found (`model*.safetensors` plus one level down, else `consolidated*.safetensors`, else
 * `pytorch_model*.bin`, `consolidated*.pth`, `*.gguf`, `*.bin`), then `*.json` here and one level
 * down, `chat_template.jinja`, and `tokenizer.model` here or else one level down. Undefined when
 * there are no weights ("no Modelfile or safetensors files found").
 *
 * Ollama also sniffs content types (a pytorch `.bin` that is not a zip is skipped, a text
 * `tokenizer.model` is a git-lfs pointer); that needs file contents and is not done here.
 */
export async function weightFiles(dir: string, list: ListDir, style: PathStyle): Promise<string[] | undefined> {
  const top = await list(dir);
  const files = sortedNames(top, 'file');
  const subdirs = sortedNames(top, 'dir');
  const here = (pattern: string): string[] => files.filter((name) => matches(pattern, name)).map((name) => joinPath(dir, name, style));
  const below = async (pattern: string): Promise<string[]> => {
    const found: string[] = [];
    for (const sub of subdirs) {
      const subdir = joinPath(dir, sub, style);
      for (const name of sortedNames(await list(subdir), 'file')) if (matches(pattern, name)) found.push(joinPath(subdir, name, style));
    }
    return found;
  };

  let weights = here('model*.safetensors');
  if (weights.length > 0) weights.push(...(await below('model*.safetensors')));
  else {
    const fallbacks = ['consolidated*.safetensors', 'pytorch_model*.bin', 'consolidated*.pth', '*.gguf', '*.bin'];
    weights = fallbacks.map(here).find((found) => found.length > 0) ?? [];
  }
  if (weights.length === 0) return undefined;

  const tokenizer = here('tokenizer.model');
  const all = [
    ...weights,
    ...here('*.json'),
    ...(await below('*.json')),
    ...here('chat_template.jinja'),
    ...(tokenizer.length > 0 ? tokenizer : await below('tokenizer.model')),
  ];
  return [...new Set(all)];
}

function sortedNames(entries: readonly DirEntry[], kind: DirEntry['kind']): string[] {
  return entries
    .filter((entry) => entry.kind === kind)
    .map((entry) => entry.name)
    .sort();
}

/** filepath.Match for the patterns above: `*` is any run of characters, the rest is literal. */
function matches(pattern: string, name: string): boolean {
  const [prefix = '', suffix = ''] = pattern.split('*');
  if (!pattern.includes('*')) return name === pattern;
  return name.length >= prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix);
}
