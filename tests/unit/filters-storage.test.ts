import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../src/renderer/src/models/model-query';
import { createAppStore } from '../../src/renderer/src/store/create-app-store';
import { loadFilters } from '../../src/renderer/src/store/filters-storage';
import type { ApiClient } from '../../src/shared/contract';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const client = {} as ApiClient;
const win = { addEventListener() {}, setTimeout } as unknown as Window;

describe('model list filters and sort', () => {
  it('are remembered between runs (not the search text)', () => {
    const storage = new MemoryStorage();
    const first = createAppStore(client, { storage, window: win });
    first.getState().setFilters({ sort: 'updated', status: 'failed', shownInUiOnly: true, baseModel: 'llama3:latest', text: 'pete' });
    const second = createAppStore(client, { storage, window: win });
    expect(second.getState().filters).toEqual({ text: '', sort: 'updated', status: 'failed', shownInUiOnly: true, baseModel: 'llama3:latest' });
  });

  it('clearing keeps the sort and is remembered too', () => {
    const storage = new MemoryStorage();
    const store = createAppStore(client, { storage, window: win });
    store.getState().setFilters({ sort: 'status', status: 'missing' });
    store.getState().clearFilters();
    expect(loadFilters(storage)).toEqual({ ...DEFAULT_FILTERS, sort: 'status' });
  });

  it('start from the defaults when what was stored is unreadable or out of date', () => {
    const storage = new MemoryStorage();
    storage.setItem('modelwright.model-filters', '{not json');
    expect(loadFilters(storage)).toEqual(DEFAULT_FILTERS);
    storage.setItem('modelwright.model-filters', JSON.stringify({ sort: 'size', status: 'gone', shownInUiOnly: 'yes', baseModel: 3 }));
    expect(loadFilters(storage)).toEqual(DEFAULT_FILTERS);
    expect(loadFilters(null)).toEqual(DEFAULT_FILTERS);
  });
});
