import Conf from 'conf';
import { REGISTRY_FILE } from '../workspace/paths';
import { stringifyJsonExact } from './exact-json';

/**
 * What actually writes the registry file. The store reads and validates the file itself and
 * hands the engine only finished, valid values. conf (headless, tests) and electron-store (its
 * subclass, in the Electron entry) both fit through `engineFromConf`.
 */
export interface RegistryEngine {
  /** Replaces the file's content with `value`, atomically. */
  write(value: Record<string, unknown>): void;
}

export type RegistryEngineFactory = (workspaceDir: string) => RegistryEngine;

/** The last text made, so the store's check and the engine's write serialize a value once. */
let last: { value: unknown; text: string } | null = null;

/** Two-space indent and a final newline: the seed's layout, friendly to diffs; exact numbers kept. */
export function serializeRegistry(value: unknown): string {
  const memo = last;
  if (memo !== null && memo.value === value) return memo.text;
  const text = stringifyJsonExact(value);
  last = { value, text };
  return text;
}

/**
 * conf's constructor and its `store` setter parse the file; the store has done that already,
 * so this never throws (constructing conf then never fails on a bad file and never writes).
 */
function lenientDeserialize(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Options for conf or electron-store over `<workspace>/model_settings.json`. electron-store takes
 * the file name as `name` (it overwrites `configName` with it), conf as `configName`: both are set.
 * No migrations (they add an `__internal__` key to a user's file), never `clearInvalidConfig`
 * (it resets an unreadable file), and no dot paths (model names contain dots).
 */
export function registryEngineOptions(workspaceDir: string) {
  const configName = REGISTRY_FILE.replace(/\.json$/, '');
  return {
    cwd: workspaceDir,
    configName,
    name: configName,
    fileExtension: 'json',
    serialize: serializeRegistry,
    deserialize: lenientDeserialize,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
  };
}

/** The part of conf the engine uses: its atomic whole-file write. */
export interface ConfLike {
  store: Record<string, unknown>;
}

export function engineFromConf(conf: ConfLike): RegistryEngine {
  return {
    write(value) {
      conf.store = value;
    },
  };
}

export const confEngineFactory: RegistryEngineFactory = (workspaceDir) =>
  engineFromConf(new Conf<Record<string, unknown>>(registryEngineOptions(workspaceDir)));
