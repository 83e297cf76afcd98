import path from 'node:path';
import { REGISTRY_FILE } from '../workspace/paths';
import { writeIfUnchanged, type AtomicWriteHooks, type WriteOutcome } from './atomic-write';
import { stringifyJsonExactWith } from './exact-json';
import type { RegistryText } from './read-file';

/**
 * What actually writes the registry file. The store reads and validates the file itself and
 * hands the engine only finished, valid text, with the version of the file it was built on.
 * The same engine runs in the Electron app, `serve` and tests: electron-store (a conf subclass)
 * writes atomically but cannot refuse to replace a file that a text editor saved meanwhile, so it
 * keeps only the app's settings.
 */
export interface RegistryEngine {
  /**
   * Replaces the file with `text`, atomically, only if it still is `expected`. `onLateSave` gets
   * what another program saved into the replaced file shortly after (see `writeIfUnchanged`).
   */
  write(text: string, expected: RegistryText, onLateSave?: (text: string) => void): Promise<WriteOutcome>;
}

export type RegistryEngineFactory = (workspaceDir: string) => RegistryEngine;

/** The last text made, so the store's check and the engine's write serialize a value once. */
let last: { value: unknown; text: string; exactNumbers: boolean } | null = null;

/** Two-space indent and a final newline: the seed's layout, friendly to diffs; exact numbers kept. */
export function serializeRegistry(value: unknown): string {
  return serializeRegistryWith(value).text;
}

/** The same, saying whether it wrote exact numbers (see `checkWritable`). */
export function serializeRegistryWith(value: unknown): { text: string; exactNumbers: boolean } {
  const memo = last;
  if (memo !== null && memo.value === value) return memo;
  last = { value, ...stringifyJsonExactWith(value) };
  return last;
}

/** The registry's atomic, check-before-rename writer; `hooks` let tests land a save at the worst moment. */
export function atomicEngineFactory(hooks?: AtomicWriteHooks): RegistryEngineFactory {
  return (workspaceDir) => {
    const file = path.join(workspaceDir, REGISTRY_FILE);
    return { write: (text, expected, onLateSave) => writeIfUnchanged(file, text, expected, { hooks, ...(onLateSave ? { onLateSave } : {}) }) };
  };
}

export const defaultEngineFactory: RegistryEngineFactory = atomicEngineFactory();
