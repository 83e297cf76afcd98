import fs from 'node:fs';
import path from 'node:path';
import { Validator, type Schema } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { helmValues, shellHazard, type HelmModelSource } from '../../../src/shared/deploy/helm-values';
import type { DesiredBuild } from '../../../src/shared/deploy/model-state';
import type { ModelEntry, Registry } from '../../../src/shared/registry';

/** The chart's ollama.models keys, vendored with their source (see the file's $comment). */
const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/helm/ollama-models.values.schema.json'), 'utf8')) as Schema;
const validator = new Validator(schema, '2020-12', false);

const entry = (name: string, fields: Partial<ModelEntry> = {}): ModelEntry => ({
  name, display_name: name, description: '', version: '', base_model: '', modelfile: `models/${name}`, show_in_ui: true, auto_preload: false, status: 'pending', ...fields,
});
const ok = (from: string | null): DesiredBuild => ({ ok: true, requestSha256: 'a'.repeat(64), from });

function exportOf(models: ModelEntry[], desired: Record<string, DesiredBuild>, sources: Record<string, HelmModelSource>) {
  const registry: Registry = { default_model: null, models: Object.fromEntries(models.map((m) => [m.name, m])), base_models: {} };
  return helmValues({ registry, desired: new Map(Object.entries(desired)), sources: new Map(Object.entries(sources)) });
}

describe('helm values (ollama.models of otwld/ollama-helm)', () => {
  const modelfile = (from: string) => `FROM ${from}\nPARAMETER num_ctx 8192\nSYSTEM """\nYou manage properties.\nBe brief.\n"""\n`;

  it('writes pulls, creates with the Modelfile inline, and runs, in plan order, and the YAML validates against the chart schema', () => {
    const result = exportOf(
      [entry('child-v1'), entry('bot-v1', { auto_preload: true }), entry('bot-v2')],
      { 'child-v1': ok('bot-v1'), 'bot-v1': ok('llama3'), 'bot-v2': ok('qwen3:30b') },
      { 'child-v1': { text: modelfile('bot-v1'), localFiles: false }, 'bot-v1': { text: modelfile('llama3'), localFiles: false }, 'bot-v2': { text: modelfile('qwen3:30b'), localFiles: false } },
    );
    expect(result.values.ollama.models.pull).toEqual(['llama3', 'qwen3:30b']);
    expect(result.values.ollama.models.create.map((c) => c.name)).toEqual(['bot-v1', 'child-v1', 'bot-v2']);
    expect(result.values.ollama.models.run).toEqual(['bot-v1']);
    expect(result.warnings).toEqual([]);
    const parsed: unknown = parse(result.text);
    expect(parsed).toEqual(result.values);
    // The Modelfile text survives the YAML round trip byte for byte.
    expect((parsed as typeof result.values).ollama.models.create[0]?.template).toBe(modelfile('llama3'));
    expect(validator.validate(parsed).errors).toEqual([]);
    expect(result.text).toMatch(/^# Ollama Helm chart values/);
  });

  it('leaves out, with a warning, what a values file cannot carry', () => {
    const result = exportOf(
      [entry('weights-v1'), entry('broken-v1'), entry('dollar-v1'), entry('fine-v1')],
      { 'weights-v1': ok(null), 'broken-v1': { ok: false, reason: 'models/broken-v1 has an error:\nline 1' }, 'dollar-v1': ok('llama3'), 'fine-v1': ok('llama3') },
      {
        'weights-v1': { text: 'FROM ./model.gguf\n', localFiles: true },
        'dollar-v1': { text: 'FROM llama3\nTEMPLATE "{{ $x := 1 }}"\n', localFiles: false },
        'fine-v1': { text: 'FROM llama3\n', localFiles: false },
      },
    );
    expect(result.values.ollama.models.create.map((c) => c.name)).toEqual(['fine-v1']);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^weights-v1 is left out: It builds from local files/),
      'broken-v1 is left out: models/broken-v1 has an error:',
      expect.stringMatching(/^dollar-v1 is left out: .*expand/),
    ]);
    expect(validator.validate(parse(result.text)).errors).toEqual([]);
  });

  it('the vendored schema rejects what the chart cannot read (a create without a template)', () => {
    expect(validator.validate({ ollama: { models: { create: [{ name: 'x' }] } } }).valid).toBe(false);
    expect(validator.validate({ ollama: { models: { pull: [1] } } }).valid).toBe(false);
  });

  it('tells which text the chart script would change', () => {
    expect(shellHazard('FROM llama3\nSYSTEM hi\n')).toBeNull();
    expect(shellHazard('SYSTEM cost is $5')).toMatch(/expand/);
    expect(shellHazard('SYSTEM """\nEOF\n"""')).toMatch(/EOF/);
  });
});
