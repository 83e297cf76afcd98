import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import {
  aliasesOf,
  checkRelease,
  dropAliasesOf,
  findAliasKey,
  moveAliases,
  recordRelease,
  removeAlias,
  resolveAlias,
  suggestedAlias,
} from '../../../src/shared/release/aliases';
import { parseRegistry, type Registry } from '../../../src/shared/registry';

const NOW = new Date('2026-12-03T12:00:00Z');

function registry(extra: Record<string, unknown> = {}): Registry {
  const entry = (name: string, status = 'available') => ({ name, display_name: name, status });
  const parsed = parseRegistry({
    default_model: null,
    models: { 'family-v1': entry('family-v1'), 'family-v2': entry('family-v2'), 'family-v3': entry('family-v3', 'pending') },
    base_models: { 'llama3.2:latest': { status: 'available' } },
    ...extra,
  });
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('releasing a version under an alias', () => {
  it('records the alias in its shortest Ollama form, and moves it on the next release', () => {
    const draft = registry();
    expect(recordRelease(draft, 'family-v1', 'family', NOW)).toEqual({ model: 'family-v1', alias: 'family:latest', previous: null });
    expect(draft.aliases).toEqual({ 'family:latest': { model: 'family-v1', released_at: NOW.toISOString() } });

    // `Family:LATEST` is the same name in Ollama: the existing key is kept and moved.
    expect(recordRelease(draft, 'FAMILY-V2', 'Family:LATEST', NOW)).toEqual({ model: 'family-v2', alias: 'family:latest', previous: 'family-v1' });
    expect(Object.keys(draft.aliases ?? {})).toEqual(['family:latest']);
    expect(resolveAlias(draft, 'family')?.name).toBe('family-v2');
    expect(aliasesOf(draft, 'family-v1')).toEqual([]);
    expect(aliasesOf(draft, 'family-v2')).toEqual(['family:latest']);
  });

  it('keeps keys a user added to the record', () => {
    const draft = registry({ aliases: { 'family:latest': { model: 'family-v1', released_at: 't', note: 'stable' } } });
    recordRelease(draft, 'family-v2', 'family:latest', NOW);
    expect(draft.aliases?.['family:latest']).toMatchObject({ model: 'family-v2', note: 'stable' });
  });

  it('refuses a name Ollama would refuse, naming the field', () => {
    const error = refusal(() => checkRelease(registry(), 'family-v2', 'my family'));
    expect(error.kind).toBe('validation');
    expect(error.message).toMatch(/"my family" is not a valid Ollama model name/);
    expect(error.issues?.[0]?.path).toBe('alias');
  });

  it("refuses a registered version's own name, in any spelling, proposing one", () => {
    const error = refusal(() => checkRelease(registry(), 'family-v2', 'Family-V1:latest'));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe(`"family-v1" is a registered version's own name; release under a name of its own, such as family:latest.`);
  });

  it("refuses a base model's name, which the copy would replace in Ollama", () => {
    const error = refusal(() => checkRelease(registry(), 'family-v2', 'llama3.2'));
    expect(error.message).toMatch(/"llama3.2:latest" is one of the registry's base models/);
  });

  it('refuses a version that is not built, and one that does not exist', () => {
    expect(refusal(() => checkRelease(registry(), 'family-v3', 'family:latest')).message).toBe(
      'family-v3 is not built (it is pending); create it first, then release it.',
    );
    expect(refusal(() => checkRelease(registry(), 'family-v9', 'family:latest')).kind).toBe('not_found');
  });
});

describe('aliases follow their version', () => {
  it('a rename moves the aliases that point at the version, and only those', () => {
    const draft = registry({
      aliases: { 'family:latest': { model: 'family-v2', released_at: 't' }, 'family:old': { model: 'family-v1', released_at: 't' } },
    });
    expect(moveAliases(draft, 'family-v2', 'family-v2b')).toEqual(['family:latest']);
    expect(draft.aliases?.['family:latest']?.model).toBe('family-v2b');
    expect(draft.aliases?.['family:old']?.model).toBe('family-v1');
  });

  it('a confirmed delete forgets its aliases, and the key goes when none is left', () => {
    const draft = registry({ aliases: { 'family:latest': { model: 'family-v2', released_at: 't' } } });
    expect(dropAliasesOf(draft, 'family-v2')).toEqual(['family:latest']);
    expect('aliases' in draft).toBe(false);
  });

  it('removes one alias by any spelling of its name', () => {
    const draft = registry({ aliases: { 'family:latest': { model: 'family-v2', released_at: 't' } } });
    expect(removeAlias(draft, 'ghost')).toBe(false);
    expect(removeAlias(draft, 'FAMILY')).toBe(true);
    expect(findAliasKey(draft, 'family:latest')).toBeUndefined();
  });

  it('a dangling alias (its version deleted by another tool) resolves to nothing', () => {
    const draft = registry({ aliases: { 'family:latest': { model: 'family-v7', released_at: 't' } } });
    expect(resolveAlias(draft, 'family:latest')).toBeNull();
    expect(resolveAlias(draft, 'family-v2')).toBeNull();
  });
});

describe('the aliases key in the registry file', () => {
  it('is optional, so a seed registry stays without it', () => {
    const parsed = parseRegistry({ models: {} });
    expect(parsed.success && 'aliases' in parsed.data).toBe(false);
  });

  it('reports an alias that is not a valid Ollama name with its path', () => {
    const parsed = parseRegistry({ models: {}, aliases: { 'a b': { model: 'x', released_at: 't' } } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['aliases.a b']);
  });

  it('reports a record without its model with its path', () => {
    const parsed = parseRegistry({ models: {}, aliases: { ok: { released_at: 't' } } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['aliases.ok.model']);
  });
});

describe('the proposed alias', () => {
  it('is the family with the latest tag, or the family itself when the version is in the tag', () => {
    expect(suggestedAlias('family-v2')).toBe('family:latest');
    expect(suggestedAlias('peteollama:property-manager-v2')).toBe('peteollama:property-manager');
    expect(suggestedAlias('me/bot-v12:q4')).toBe('me/bot:latest');
    expect(suggestedAlias('plain')).toBe('plain:latest');
  });
});
