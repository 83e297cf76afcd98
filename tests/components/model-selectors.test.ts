// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { groupByFamily } from '../../src/renderer/src/models/family-groups';
import { columnsFor, gridRows } from '../../src/renderer/src/models/grid-rows';
import { versionLabel } from '../../src/renderer/src/models/model-labels';
import { DEFAULT_FILTERS, hasActiveFilters, type ModelFilters } from '../../src/renderer/src/models/model-query';
import { selectVisibleModels, visibleModels } from '../../src/renderer/src/models/visible-models';
import { formatBytes } from '../../src/renderer/src/models/format-bytes';
import type { ModelEntry } from '../../src/shared/registry';
import { model } from './support/fixtures';

const record = (...models: ModelEntry[]) => Object.fromEntries(models.map((m) => [m.name, m]));
const names = (filters: Partial<ModelFilters>, models: Record<string, ModelEntry>) =>
  visibleModels(models, { ...DEFAULT_FILTERS, ...filters }).groups.flatMap((g) => g.models.map((m) => m.name));

const models = record(
  model('pm-v1', { display_name: 'Property Manager', description: 'Answers tenants', base_model: 'llama3:latest' }),
  model('pm-v2', { display_name: 'Property Manager', description: 'Answers tenants, better', base_model: 'qwen3:30b', status: 'pending' }),
  model('coder', { display_name: 'Code Helper', description: 'Writes TypeScript', base_model: 'llama3', show_in_ui: false }),
  model('ns/poet:latest', { display_name: 'Poet', description: 'Rhymes', status: 'failed' }),
);

describe('filtering', () => {
  it('searches name, display name and description, case-insensitively, all words', () => {
    expect(names({ text: 'typescript' }, models)).toEqual(['coder']);
    expect(names({ text: 'HELPER' }, models)).toEqual(['coder']);
    expect(names({ text: 'ns/poet' }, models)).toEqual(['ns/poet:latest']);
    expect(names({ text: 'tenants better' }, models)).toEqual(['pm-v2']);
  });

  it('filters by status', () => {
    expect(names({ status: 'pending' }, models)).toEqual(['pm-v2']);
    expect(names({ status: 'failed' }, models)).toEqual(['ns/poet:latest']);
  });

  it('filters by base model, treating an implicit :latest tag as the same model', () => {
    expect(names({ baseModel: 'llama3:latest' }, models).sort()).toEqual(['coder', 'ns/poet:latest', 'pm-v1']);
    expect(names({ baseModel: 'qwen3:30b' }, models)).toEqual(['pm-v2']);
  });

  it('keeps only models shown in the UI when asked', () => {
    expect(names({ shownInUiOnly: true }, models)).not.toContain('coder');
    expect(names({ shownInUiOnly: true }, models)).toHaveLength(3);
  });

  it('counts shown and total', () => {
    const view = visibleModels(models, { ...DEFAULT_FILTERS, status: 'available' });
    expect(view).toMatchObject({ shown: 2, total: 4 });
  });

  it('knows when filters narrow the list (sort alone does not)', () => {
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, sort: 'status' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, text: ' x ' })).toBe(true);
  });
});

describe('grouping and sorting', () => {
  it('groups name-vN siblings by family, newest version first', () => {
    const groups = groupByFamily(
      [model('bot-v1'), model('bot-v10'), model('bot-v2'), model('other')],
      'name',
    );
    expect(groups.map((g) => g.key)).toEqual(['bot', 'other']);
    expect(groups[0]?.models.map((m) => m.name)).toEqual(['bot-v10', 'bot-v2', 'bot-v1']);
    expect(groups[0]?.label).toBe('bot');
  });

  it('orders groups by status with problems first', () => {
    const groups = groupByFamily([model('a', { status: 'available' }), model('b', { status: 'failed' }), model('c', { status: 'missing' })], 'status');
    expect(groups.map((g) => g.key)).toEqual(['b', 'c', 'a']);
  });

  it('orders groups by most recent update', () => {
    const groups = groupByFamily(
      [model('old', { last_updated: '2024-01-01T00:00:00Z' }), model('new', { last_updated: '2025-06-01T00:00:00Z' })],
      'updated',
    );
    expect(groups.map((g) => g.key)).toEqual(['new', 'old']);
  });

  it('orders groups by display name', () => {
    const groups = groupByFamily([model('z', { display_name: 'Alpha' }), model('a', { display_name: 'Zulu' })], 'display');
    expect(groups.map((g) => g.key)).toEqual(['z', 'a']);
  });

  it('labels versions from the version field or the -vN suffix', () => {
    expect(versionLabel(model('x', { version: 'v3' }))).toBe('v3');
    expect(versionLabel(model('x-v4', { version: '' }))).toBe('v4');
    expect(versionLabel(model('x', { version: 'beta' }))).toBe('beta');
    expect(versionLabel(model('x', { version: '' }))).toBeNull();
  });
});

describe('grid rows', () => {
  it('packs single models into shared rows and gives multi-version families a heading', () => {
    const groups = groupByFamily([model('a'), model('b'), model('c-v1'), model('c-v2'), model('d')], 'name');
    const rows = gridRows(groups, 3);
    expect(rows.map((r) => (r.kind === 'family' ? `# ${r.label} (${r.count})` : r.models.map((m) => m.name).join(',')))).toEqual([
      'a,b',
      '# c (2)',
      'c-v2,c-v1',
      'd',
    ]);
  });

  it('fits as many columns as the width allows, at least one', () => {
    expect(columnsFor(0, 280, 16)).toBe(1);
    expect(columnsFor(1200, 280, 16)).toBe(4);
    expect(columnsFor(200, 280, 16)).toBe(1);
  });
});

describe('memoized selector', () => {
  it('returns the same object for the same inputs, and a new one when they change', () => {
    const filters = { ...DEFAULT_FILTERS };
    const a = selectVisibleModels(models, filters);
    expect(selectVisibleModels(models, filters)).toBe(a);
    expect(selectVisibleModels(models, { ...filters })).not.toBe(a);
  });

  it('filters and groups 1,000 models well within a frame budget', () => {
    const many = record(...Array.from({ length: 1000 }, (_, i) => model(`family-${i % 300}-v${i}`, { description: `model number ${i}` })));
    visibleModels(many, DEFAULT_FILTERS); // warm up
    const started = performance.now();
    for (let i = 0; i < 10; i++) visibleModels(many, { ...DEFAULT_FILTERS, text: `number ${i}` });
    const perRun = (performance.now() - started) / 10;
    expect(perRun).toBeLessThan(16);
  });
});

describe('formatBytes', () => {
  it('uses decimal units like Ollama', () => {
    expect(formatBytes(4_700_000_000)).toBe('4.7 GB');
    expect(formatBytes(18_000_000_000)).toBe('18 GB');
    expect(formatBytes(512)).toBe('512 B');
  });
});
