import { describe, expect, it } from 'vitest';
import type { OllamaModel } from '../../src/shared/contract';
import type { ModelEntry, Registry } from '../../src/shared/registry';
import { outdatedModels } from '../../src/shared/sync-rules';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);
const BASE_DIGEST = 'c'.repeat(64);

function entry(name: string, fields: Partial<ModelEntry> = {}): ModelEntry {
  return {
    name,
    display_name: name,
    description: '',
    version: 'v1',
    base_model: 'llama3:latest',
    modelfile: `models/${name}`,
    show_in_ui: true,
    auto_preload: false,
    status: 'available',
    build: { modelfile_sha256: SHA_A, digest: 'd', base_model: 'llama3:latest', base_digest: BASE_DIGEST, built_at: '2026-01-01T00:00:00Z' },
    ...fields,
  };
}

function registry(...entries: ModelEntry[]): Registry {
  return { default_model: null, models: Object.fromEntries(entries.map((e) => [e.name, e])), base_models: {} };
}

const llama = (digest: string): OllamaModel => ({ name: 'llama3:latest', size: 1, digest, modifiedAt: '', details: {} });

describe('outdatedModels (what the sync reports as out of date)', () => {
  it('is empty when the Modelfile and the base model are as built', () => {
    expect(outdatedModels(registry(entry('m')), [llama(BASE_DIGEST)], () => SHA_A)).toEqual([]);
  });

  it('names a model whose Modelfile changed since its build', () => {
    expect(outdatedModels(registry(entry('m'), entry('n')), [], (file) => (file === 'models/m' ? SHA_B : SHA_A))).toEqual(['m']);
  });

  it("names a model whose base model's digest in Ollama changed, with or without the sha256: prefix", () => {
    expect(outdatedModels(registry(entry('m')), [llama('e'.repeat(64))], () => SHA_A)).toEqual(['m']);
    expect(outdatedModels(registry(entry('m')), [llama(`sha256:${BASE_DIGEST}`)], () => SHA_A)).toEqual([]);
  });

  it('counts nothing unknown as a change: no build, unreadable Modelfile, base not in Ollama, a build running', () => {
    const noBuild = entry('a', { build: undefined });
    const unreadable = entry('b');
    const creating = entry('c', { status: 'creating' });
    expect(outdatedModels(registry(noBuild, unreadable, creating), [], (file) => (file === 'models/b' ? null : SHA_B))).toEqual([]);
  });
});
