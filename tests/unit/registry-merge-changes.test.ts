import { describe, expect, it } from 'vitest';
import { applyChanges, diffChanges } from '../../src/main/registry/merge-changes';

const base = () => ({
  default_model: 'a:v1',
  models: { 'a:v1': { name: 'a:v1', description: 'old', status: 'pending' } } as Record<string, Record<string, unknown>>,
  last_updated: '2026-01-01T00:00:00.000Z',
  note: 'x',
});

describe('three-way merge of registry changes', () => {
  it('lists changes down to a field of a model entry, and ignores the registry clock', () => {
    const before = base();
    const after = base();
    after.models['a:v1']!.status = 'available';
    after.models['b:v1'] = { name: 'b:v1' };
    after.last_updated = '2026-02-02T00:00:00.000Z';
    delete (after as Partial<typeof after>).note;
    const paths = diffChanges(before, after).map((change) => change.path.join('/'));
    expect(paths.sort()).toEqual(['models/a:v1/status', 'models/b:v1', 'note']);
  });

  it('applies ours where theirs still has the old value, and keeps theirs where they changed it too', () => {
    const before = base();
    const ours = base();
    ours.models['a:v1']!.status = 'available';
    ours.models['a:v1']!.description = 'ours';
    ours.models['b:v1'] = { name: 'b:v1' };
    delete (ours as Partial<typeof ours>).note;
    const theirs = base() as Record<string, unknown> & ReturnType<typeof base>;
    theirs.models['a:v1']!.description = 'theirs';
    theirs.external_0 = { edited_by: 'editor' };

    const applied = applyChanges(diffChanges(before, ours), theirs);
    expect(applied).toBe(3);
    expect(theirs.models['a:v1']).toEqual({ name: 'a:v1', description: 'theirs', status: 'available' });
    expect(theirs.models['b:v1']).toEqual({ name: 'b:v1' });
    expect(Object.hasOwn(theirs, 'note')).toBe(false);
    expect(theirs.external_0).toEqual({ edited_by: 'editor' });
  });

  it('applies nothing twice and nothing under an entry that is gone', () => {
    const before = base();
    const ours = base();
    ours.models['a:v1']!.status = 'available';
    const theirs = base();
    delete theirs.models['a:v1'];
    expect(applyChanges(diffChanges(before, ours), theirs)).toBe(0);
    expect(theirs.models).toEqual({});
    const again = base();
    again.models['a:v1']!.status = 'available';
    expect(applyChanges(diffChanges(before, ours), again)).toBe(0);
  });

  it('keeps a key named __proto__ as data', () => {
    const before = JSON.parse('{"models":{}}') as Record<string, Record<string, unknown>>;
    const ours = JSON.parse('{"models":{"__proto__":{"name":"__proto__"}}}') as Record<string, Record<string, unknown>>;
    const theirs = JSON.parse('{"models":{}}') as Record<string, Record<string, unknown>>;
    expect(applyChanges(diffChanges(before, ours), theirs)).toBe(1);
    expect(Object.hasOwn(theirs.models!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(theirs.models)).toBe(Object.prototype);
  });
});
