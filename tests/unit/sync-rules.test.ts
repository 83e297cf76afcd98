import { describe, expect, it } from 'vitest';
import type { OllamaModel } from '../../src/shared/contract';
import type { ModelStatus, Registry } from '../../src/shared/registry';
import { nextBaseModelStatus, nextModelStatus, reconcile } from '../../src/shared/sync-rules';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const STAMP = NOW.toISOString();
const OLD = '2025-08-08T20:50:48.000000';

function ollama(name: string, size = 1_000): OllamaModel {
  return { name, size, digest: 'sha256:' + '0'.repeat(64), modifiedAt: OLD, details: {} };
}

function registryWith(models: Record<string, ModelStatus>, baseModels: Record<string, { status: 'available' | 'missing' | 'pending'; size?: string }> = {}): Registry {
  return {
    default_model: null,
    models: Object.fromEntries(
      Object.entries(models).map(([name, status]) => [
        name,
        {
          name,
          display_name: name,
          description: '',
          version: 'v1',
          base_model: '',
          modelfile: 'models/Modelfile',
          show_in_ui: true,
          auto_preload: false,
          created_at: OLD,
          last_updated: OLD,
          status,
          is_jamie_model: true,
        },
      ]),
    ),
    base_models: Object.fromEntries(
      Object.entries(baseModels).map(([name, b]) => [name, { display_name: name, description: '', ...b }]),
    ),
    last_updated: OLD,
  };
}

describe('model status rules', () => {
  it.each<[ModelStatus, boolean, ModelStatus]>([
    ['pending', true, 'available'],
    ['available', true, 'available'],
    ['missing', true, 'available'],
    ['failed', true, 'available'],
    ['creating', true, 'creating'],
    ['available', false, 'missing'],
    ['pending', false, 'pending'],
    ['failed', false, 'failed'],
    ['missing', false, 'missing'],
    ['creating', false, 'creating'],
  ])('%s, present in Ollama: %s → %s', (from, present, to) => {
    expect(nextModelStatus(from, present)).toBe(to);
    const result = reconcile(registryWith({ 'me/m:v1': from }), present ? [ollama('me/m:v1')] : [], NOW);
    expect(result.registry.models['me/m:v1']?.status).toBe(to);
    expect(result.changed).toEqual(from === to ? [] : ['me/m:v1']);
  });
});

describe('base model status rules', () => {
  it.each<['available' | 'missing' | 'pending', boolean, 'available' | 'missing' | 'pending']>([
    ['pending', true, 'available'],
    ['missing', true, 'available'],
    ['available', true, 'available'],
    ['available', false, 'missing'],
    ['missing', false, 'missing'],
    ['pending', false, 'pending'],
  ])('%s, present in Ollama: %s → %s', (from, present, to) => {
    expect(nextBaseModelStatus(from, present)).toBe(to);
  });
});

describe('reconcile', () => {
  it('matches names the way Ollama does: default tag, default namespace, any case', () => {
    const registry = registryWith({ llama3: 'pending', 'Me/Custom:V1': 'pending', 'library/mistral': 'pending' });
    const result = reconcile(registry, [ollama('llama3:latest'), ollama('me/custom:v1'), ollama('MISTRAL:latest')], NOW);
    expect(result.registry.models.llama3?.status).toBe('available');
    expect(result.registry.models['Me/Custom:V1']?.status).toBe('available');
    expect(result.registry.models['library/mistral']?.status).toBe('available');
    expect(result.discovered).toEqual([]);
  });

  it('does not confuse different tags', () => {
    const result = reconcile(registryWith({ 'qwen3:30b': 'available' }), [ollama('qwen3:latest')], NOW);
    expect(result.registry.models['qwen3:30b']?.status).toBe('missing');
    expect(result.discovered.map((m) => m.name)).toEqual(['qwen3:latest']);
  });

  it('stamps last_updated only on entries whose status changed and keeps their other keys', () => {
    const registry = registryWith({ 'a:v1': 'pending', 'b:v1': 'available' });
    const result = reconcile(registry, [ollama('a:v1'), ollama('b:v1')], NOW);
    expect(result.registry.models['a:v1']).toMatchObject({ status: 'available', last_updated: STAMP, is_jamie_model: true, created_at: OLD });
    expect(result.registry.models['b:v1']).toBe(registry.models['b:v1']);
    expect(result.changes).toEqual([{ kind: 'model', name: 'a:v1', from: 'pending', to: 'available' }]);
  });

  it('refreshes a base model: available with the size Ollama reports, formatted like the CLI', () => {
    const registry = registryWith({}, { 'llama3:latest': { status: 'missing', size: '1 GB' }, 'qwen3:30b': { status: 'available', size: '18 GB' } });
    const result = reconcile(registry, [ollama('llama3:latest', 4_661_224_676), ollama('qwen3:30b', 18_556_688_736)], NOW);
    expect(result.registry.base_models['llama3:latest']).toMatchObject({ status: 'available', size: '4.7 GB' });
    expect(result.registry.base_models['qwen3:30b']).toBe(registry.base_models['qwen3:30b']);
    expect(result.changed).toEqual(['llama3:latest']);
  });

  it('writes a changed size even when the status stays, but does not report it as a status change', () => {
    const registry = registryWith({}, { 'llama3:latest': { status: 'available', size: '4.7 GB' } });
    const result = reconcile(registry, [ollama('llama3:latest', 8_000_000_000)], NOW);
    expect(result.modified).toBe(true);
    expect(result.changed).toEqual([]);
    expect(result.registry.base_models['llama3:latest']?.size).toBe('8 GB');
  });

  it('marks a base model that went away missing and keeps its last known size', () => {
    const registry = registryWith({}, { 'llama3:latest': { status: 'available', size: '4.7 GB' } });
    const result = reconcile(registry, [], NOW);
    expect(result.registry.base_models['llama3:latest']).toMatchObject({ status: 'missing', size: '4.7 GB' });
  });

  it('lists as discovered what is neither a registry model nor a base model', () => {
    const registry = registryWith({ 'me/a:v1': 'pending' }, { 'llama3:latest': { status: 'pending' } });
    const result = reconcile(registry, [ollama('me/a:v1'), ollama('llama3'), ollama('phi3:mini'), ollama('other/x:latest')], NOW);
    expect(result.discovered.map((m) => m.name)).toEqual(['phi3:mini', 'other/x:latest']);
  });

  it('does not list a released alias as discovered: it is the registry\'s own copy of a version', () => {
    const registry = { ...registryWith({ 'bot-v2': 'available' }), aliases: { 'bot:latest': { model: 'bot-v2', released_at: OLD } } };
    const result = reconcile(registry, [ollama('bot-v2'), ollama('Bot'), ollama('phi3:mini')], NOW);
    expect(result.discovered.map((m) => m.name)).toEqual(['phi3:mini']);
  });

  it('returns the very same registry when nothing changes, so nothing is written', () => {
    const registry = registryWith({ 'a:v1': 'available', 'b:v1': 'pending' }, { 'llama3:latest': { status: 'available', size: '4.7 GB' } });
    const result = reconcile(registry, [ollama('a:v1'), ollama('llama3:latest', 4_661_224_676)], NOW);
    expect(result.modified).toBe(false);
    expect(result.registry).toBe(registry);
    expect(result.changed).toEqual([]);
  });

  it('does not modify its input', () => {
    const registry = registryWith({ 'a:v1': 'pending' }, { 'llama3:latest': { status: 'pending' } });
    const before = structuredClone(registry);
    reconcile(registry, [ollama('a:v1'), ollama('llama3:latest')], NOW);
    expect(registry).toEqual(before);
  });
});
