import { describe, expect, it } from 'vitest';
import { scriptSafeJson } from '../../src/shared/first-page';
import type { ModelEntry } from '../../src/shared/registry';
import type { FamilyGroup } from '../../src/renderer/src/models/family-groups';
import { firstScreenSections } from '../../src/renderer/src/models/first-screen-sections';
import { gridRows } from '../../src/renderer/src/models/grid-rows';

const entry = (name: string): ModelEntry =>
  ({ name, display_name: name, description: '', version: '', base_model: '', modelfile: '', show_in_ui: true, auto_preload: false, status: 'pending' }) as ModelEntry;
const group = (key: string, size: number): FamilyGroup => ({
  key,
  label: key,
  models: Array.from({ length: size }, (_, i) => entry(size === 1 ? key : `${key}-v${size - i}`)),
});
const GROUPS = [group('a', 1), group('b', 1), group('c', 3), group('d', 1), group('e', 5), group('f', 1), group('g', 1), group('h', 1)];

/** The rows CSS auto-fill makes of the sections at a given column count. */
function rowsAt(columns: number, maxCards: number) {
  const rows: string[][] = [];
  for (const section of firstScreenSections(GROUPS, maxCards).sections) {
    if (section.kind === 'family') rows.push([`family:${section.label}`]);
    for (let i = 0; i < section.models.length; i += columns) rows.push(section.models.slice(i, i + columns).map((m) => m.name));
  }
  return rows;
}

describe('the first screen of the grid, before it is measured', () => {
  it.each([1, 2, 3, 4, 7])('breaks rows where the virtual grid does, at %i columns', (columns) => {
    const virtual = gridRows(GROUPS, columns).map((row) => (row.kind === 'family' ? [`family:${row.label}`] : row.models.map((m) => m.name)));
    expect(rowsAt(columns, 100)).toEqual(virtual);
  });

  it('holds at most the first cards asked for, in grid order, and counts the rest', () => {
    const { sections, left } = firstScreenSections(GROUPS, 6);
    expect(sections.flatMap((s) => s.models.map((m) => m.name))).toEqual(['a', 'b', 'c-v3', 'c-v2', 'c-v1', 'd']);
    expect(left).toBe(8);
  });
});

describe('JSON inside a script element', () => {
  it('cannot end the element or open a comment, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- & \u2028 \u2029 -->' };
    const text = scriptSafeJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
