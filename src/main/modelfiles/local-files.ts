import fs from 'node:fs/promises';
import path from 'node:path';
import type { DirEntry, PathKind } from '../../shared/modelfile';

/**
 * The file-system look-ups toCreateRequest needs to tell `FROM ./model.gguf` from `FROM llama3`
 * and to list a safetensors folder, with symbolic links followed as Ollama's CLI follows them.
 */

export async function probePath(target: string): Promise<PathKind> {
  try {
    const stat = await fs.stat(target);
    if (stat.isDirectory()) return 'dir';
    return 'file';
  } catch {
    return 'missing';
  }
}

export async function listDir(dir: string): Promise<DirEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const entries: DirEntry[] = [];
  for (const name of names) {
    const kind = await probePath(path.join(dir, name));
    if (kind !== 'missing') entries.push({ name, kind });
  }
  return entries;
}
