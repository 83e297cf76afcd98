import { describe, expect, it } from 'vitest';
import { addBaseModel, removeBaseModel } from '../../src/main/base-models/base-model-ops';
import { dependentsByBase, modelsBuiltOn, unlistedBases } from '../../src/shared/base-models';
import type { OllamaModel } from '../../src/shared/contract';
import { registrySchema, type Registry } from '../../src/shared/registry';

function registry(): Registry {
  return registrySchema.parse({
    models: {
      'pm-v1': { name: 'pm-v1', display_name: 'PM v1', base_model: 'llama3' },
      'pm-v2': { name: 'pm-v2', display_name: 'PM v2', base_model: 'qwen3:30b' },
      'pm-v3': { name: 'pm-v3', display_name: 'PM v3', base_model: 'Llama3:latest' },
      'pm-v4': { name: 'pm-v4', display_name: 'PM v4', base_model: 'pm-v3' },
      'chat-a': { name: 'chat-a', display_name: 'Chat', base_model: 'mistral:7b' },
      'chat-b': { name: 'chat-b', display_name: 'Chat B', base_model: 'mistral:7b' },
      bare: { name: 'bare', display_name: 'Bare', base_model: '' },
    },
    base_models: { 'llama3:latest': { display_name: 'Llama 3' }, 'qwen3:30b': {} },
  });
}

function ollama(name: string, size = 1e9): OllamaModel {
  return { name, size, digest: 'sha256:' + 'a'.repeat(64), modifiedAt: '2025-01-01T00:00:00Z', details: {} };
}

describe('which models are built on a base', () => {
  it('finds the dependents of a base however its name is spelled', () => {
    expect(modelsBuiltOn(registry(), 'llama3:latest')).toEqual(['pm-v1', 'pm-v3']);
    expect(modelsBuiltOn(registry(), 'LLAMA3')).toEqual(['pm-v1', 'pm-v3']);
    expect(modelsBuiltOn(registry(), 'gemma3')).toEqual([]);
    expect(dependentsByBase(registry()).get('mistral:7b')).toEqual(['chat-a', 'chat-b']);
  });

  it('lists bases models use but base_models lacks, with presence in Ollama; registry models are versions, not bases', () => {
    expect(unlistedBases(registry(), [ollama('mistral:7b', 4.1e9)])).toEqual([{ name: 'mistral:7b', usedBy: ['chat-a', 'chat-b'], inOllama: true, size: 4.1e9 }]);
    expect(unlistedBases(registry(), [])).toEqual([{ name: 'mistral:7b', usedBy: ['chat-a', 'chat-b'], inOllama: false, size: null }]);
    expect(unlistedBases(registry(), null)[0]?.inOllama).toBeNull();
  });
});

describe('base model list operations', () => {
  it('adds under the name Ollama lists, with its status and size from Ollama', () => {
    const draft = registry();
    const added = addBaseModel(draft, { name: 'mistral:7b', display_name: 'Mistral', description: '' }, { inOllama: true, size: 4_100_000_000 });
    expect(added).toEqual({ name: 'mistral:7b', entry: { display_name: 'Mistral', description: '', size: '4.1 GB', status: 'available' } });
    addBaseModel(draft, { name: 'gemma3', display_name: '', description: 'later' }, { inOllama: null, size: null });
    expect(draft.base_models['gemma3:latest']).toEqual({ display_name: '', description: 'later', status: 'pending' });
  });

  it('refuses invalid and duplicate names', () => {
    const draft = registry();
    expect(() => addBaseModel(draft, { name: 'no spaces', display_name: '', description: '' }, { inOllama: null, size: null })).toThrow(/Invalid model name/);
    expect(() => addBaseModel(draft, { name: 'LLAMA3', display_name: '', description: '' }, { inOllama: null, size: null })).toThrow(/already a base model \(as "llama3:latest"\)/);
  });

  it('removes by any spelling and says when there is nothing to remove', () => {
    const draft = registry();
    expect(removeBaseModel(draft, 'llama3')).toBe('llama3:latest');
    expect(draft.base_models).not.toHaveProperty('llama3:latest');
    expect(draft.models['pm-v1']?.base_model).toBe('llama3');
    expect(() => removeBaseModel(draft, 'llama3')).toThrow(/not in the registry's base models/);
  });
});
