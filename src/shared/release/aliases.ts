import { AppError } from '../errors';
import { displayModelName, modelNameProblem, sameModel } from '../model-name';
import { deleteOwn, hasOwnKey, ownValue, setOwn } from '../own-key';
import type { AliasRecord, Aliases } from './alias-schema';
import type { ModelEntry, Registry } from '../registry';
import { timestamp } from '../registry';
import { parseVersionedName } from '../versions';

/**
 * The bookkeeping of released names (the format is in `alias-schema.ts`): checking a release,
 * recording it, and keeping aliases consistent when their version is renamed or deleted. Pure
 * edits of a registry (or a draft inside `RegistryStore.update`); Ollama's side is the service's.
 */
type AliasHolder = Pick<Registry, 'models' | 'base_models'> & { aliases?: Aliases | undefined };

function keyIn(record: object, name: string): string | undefined {
  if (hasOwnKey(record, name)) return name;
  return Object.keys(record).find((key) => sameModel(key, name));
}

/** The key an alias is stored under, matched as Ollama matches names (`family` = `Family:latest`). */
export function findAliasKey(registry: AliasHolder, name: string): string | undefined {
  return registry.aliases ? keyIn(registry.aliases, name) : undefined;
}

/** The aliases that point at a model (given by its registry key), in file order. */
export function aliasesOf(registry: AliasHolder, model: string): string[] {
  return Object.entries(registry.aliases ?? {})
    .filter(([, record]) => sameModel(record.model, model))
    .map(([alias]) => alias);
}

/** The version an alias points at, or null: not an alias, or a dangling one (its version is gone). */
export function resolveAlias(registry: AliasHolder, name: string): ModelEntry | null {
  const alias = findAliasKey(registry, name);
  const record = alias === undefined ? undefined : ownValue(registry.aliases, alias);
  if (!record) return null;
  const key = keyIn(registry.models, record.model);
  return key === undefined ? null : (ownValue(registry.models, key) ?? null);
}

export interface ReleaseCheck {
  /** The version's registry key. */
  model: string;
  /** The alias as it will be written (Ollama's shortest form: `family` → `family:latest`). */
  alias: string;
  /** The version the alias points at now, if any. */
  previous: string | null;
}

function issue(path: string, message: string) {
  return [{ path, message }];
}

/**
 * Whether `version` may be released as `alias`, and under which names: the alias must be a valid
 * Ollama name of its own (not a registered version's, which the copy would overwrite, nor a base
 * model's), and the version must be built, since the copy is made from what Ollama has.
 */
export function checkRelease(registry: AliasHolder, version: string, rawAlias: string): ReleaseCheck {
  const trimmed = rawAlias.trim();
  const problem = modelNameProblem(trimmed);
  if (problem) throw new AppError('validation', `"${trimmed}" is not a valid Ollama model name: ${problem}`, issue('alias', problem));
  const model = keyIn(registry.models, version);
  const entry = model === undefined ? undefined : ownValue(registry.models, model);
  if (model === undefined || !entry) throw new AppError('not_found', `There is no model named "${version}" in the registry.`);
  const taken = keyIn(registry.models, trimmed);
  if (taken !== undefined) {
    const message = `"${taken}" is a registered version's own name; release under a name of its own, such as ${suggestedAlias(model)}.`;
    throw new AppError('conflict', message, issue('alias', `"${taken}" is a registered version`));
  }
  const base = keyIn(registry.base_models, trimmed);
  if (base !== undefined) {
    const message = `"${base}" is one of the registry's base models; releasing under it would replace it in Ollama. Choose another name.`;
    throw new AppError('conflict', message, issue('alias', `"${base}" is a base model`));
  }
  if (entry.status !== 'available') {
    throw new AppError('conflict', `${model} is not built (it is ${entry.status}); create it first, then release it.`, issue('model', 'not built'));
  }
  const existing = findAliasKey(registry, trimmed);
  const previous = existing === undefined ? null : (ownValue(registry.aliases, existing)?.model ?? null);
  return { model, alias: existing ?? displayModelName(trimmed), previous };
}

/**
 * What a release proposes: `family:latest` for `family-v2`; for a seed-style name whose version is
 * in the tag (`pete:manager-v2`) the family itself (`pete:manager`), as `pete:latest` would be
 * shared by every family under `pete`.
 */
export function suggestedAlias(model: string): string {
  const hasTag = (name: string) => name.lastIndexOf(':') > name.lastIndexOf('/');
  const versioned = parseVersionedName(model);
  if (versioned.version !== null) return hasTag(versioned.family) ? versioned.family : `${versioned.family}:latest`;
  const untagged = hasTag(model) ? model.slice(0, model.lastIndexOf(':')) : model;
  return `${parseVersionedName(untagged).family}:latest`;
}

function aliasesIn(draft: AliasHolder): Record<string, AliasRecord> {
  return draft.aliases ?? {};
}

function store(draft: AliasHolder, aliases: Record<string, AliasRecord>): void {
  if (Object.keys(aliases).length > 0) draft.aliases = aliases;
  else delete draft.aliases;
}

/**
 * Records a release on a draft, checked again (the file may have changed since the copy was
 * decided). Extra keys a user put on the record are kept.
 */
export function recordRelease(draft: AliasHolder, version: string, alias: string, now: Date): ReleaseCheck {
  const check = checkRelease(draft, version, alias);
  const aliases = aliasesIn(draft);
  const current = ownValue(aliases, check.alias);
  setOwn(aliases, check.alias, { ...current, model: check.model, released_at: timestamp(now) });
  store(draft, aliases);
  return check;
}

/** Forgets an alias; true when there was one. */
export function removeAlias(draft: AliasHolder, alias: string): boolean {
  const key = findAliasKey(draft, alias);
  if (key === undefined) return false;
  const aliases = aliasesIn(draft);
  deleteOwn(aliases, key);
  store(draft, aliases);
  return true;
}

/** After a rename: the aliases that pointed at `from` point at `to` (Ollama's copies are unchanged, the content is the same). */
export function moveAliases(draft: AliasHolder, from: string, to: string): string[] {
  const moved = aliasesOf(draft, from);
  const aliases = aliasesIn(draft);
  for (const alias of moved) {
    const record = ownValue(aliases, alias);
    if (record) setOwn(aliases, alias, { ...record, model: to });
  }
  if (moved.length > 0) store(draft, aliases);
  return moved;
}

/** After a delete the user confirmed: the aliases of `model` are forgotten with it. */
export function dropAliasesOf(draft: AliasHolder, model: string): string[] {
  const dropped = aliasesOf(draft, model);
  for (const alias of dropped) removeAlias(draft, alias);
  return dropped;
}
