import { describe, expect, it } from 'vitest';
import { cloneJson, sameJson } from '../../src/main/registry/exact-json';
import { withKeyOrderOf } from '../../src/main/registry/key-order';
import { diffChanges } from '../../src/main/registry/merge-changes';
import { tooDeepAt } from '../../src/shared/registry-limits';

/** The per-write walks over the whole registry, made cheap for large files, still say the same. */

describe('withKeyOrderOf', () => {
  it('returns the value itself when its keys already follow the template, so a large file is not rebuilt', () => {
    const value = { a: { x: 1, y: [1, { z: 2 }] }, b: 2, extra: { q: 1 } };
    const template = { a: { x: 0, y: [] }, b: 0 };
    expect(withKeyOrderOf(value, template)).toBe(value);
  });

  it('reorders only the objects whose order differs and shares the rest', () => {
    const same = { k: 1, l: 2 };
    const value = { b: 2, a: { y: 1, x: 2 }, same };
    const template = { a: { x: 0, y: 0 }, b: 0, same: { k: 0, l: 0 } };
    const ordered = withKeyOrderOf(value, template) as typeof value;
    expect(JSON.stringify(ordered)).toBe('{"a":{"x":2,"y":1},"b":2,"same":{"k":1,"l":2}}');
    expect(ordered.same).toBe(same);
  });

  it('keeps a key named __proto__ as data when it rebuilds an object', () => {
    const value = JSON.parse('{"b": 1, "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const ordered = withKeyOrderOf(value, JSON.parse('{"__proto__": {}, "b": 0}')) as Record<string, unknown>;
    expect(Object.keys(ordered)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(ordered)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('cloneJson and sameJson', () => {
  it('copy and compare a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"a": 1}, "b": [1, {"c": null}]}') as Record<string, unknown>;
    const copy = cloneJson(value);
    expect(copy).not.toBe(value);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(sameJson(copy, value)).toBe(true);
    expect(sameJson(copy, JSON.parse('{"__proto__": {"a": 2}, "b": [1, {"c": null}]}'))).toBe(false);
  });

  it('count keys holding undefined as absent on either side', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});

describe('diffChanges', () => {
  it('finds additions, removals and field changes, and nothing under a shared object', () => {
    const shared = { name: 's', deep: { x: 1 } };
    const before = { last_updated: 'then', models: { s: shared, gone: { name: 'gone' }, m: { name: 'm', description: 'old' } } };
    const after = { last_updated: 'now', models: { s: shared, m: { name: 'm', description: 'new' }, added: { name: 'added' } } };
    expect(diffChanges(before, after).map((c) => c.path.join('/'))).toEqual(['models/gone', 'models/m/description', 'models/added']);
  });
});

describe('tooDeepAt', () => {
  it('names the path of the first object nested too deep, and nothing for a flat value', () => {
    const value = { models: { m: { extra: [{ a: { b: 1 } }] } }, flat: 1 };
    expect(tooDeepAt(value, 5)).toEqual(['models', 'm', 'extra', 0, 'a']);
    expect(tooDeepAt(value, 6)).toBeNull();
    expect(tooDeepAt('text', 1)).toBeNull();
  });
});
