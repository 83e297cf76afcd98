import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHOW_CACHE_FILE, ShowCache, type CachedShow } from '../../src/main/facts/show-cache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-show-cache-'));
  dirs.push(dir);
  return dir;
}
const digest = (n: number) => n.toString(16).padStart(64, '0');
const show = (arch: string): CachedShow => ({ modelInfo: { 'general.architecture': arch }, parameters: '', capabilities: ['completion'] });

describe('ShowCache', () => {
  it('keeps the newest entries up to its bound, the least recently used leaving first', () => {
    const cache = new ShowCache({ dir: null, maxEntries: 2 });
    cache.set(digest(1), show('a'));
    cache.set(digest(2), show('b'));
    cache.get(digest(1));
    cache.set(digest(3), show('c'));
    expect([cache.get(digest(1))?.modelInfo, cache.get(digest(2)), cache.get(digest(3))?.modelInfo]).toEqual([
      { 'general.architecture': 'a' },
      undefined,
      { 'general.architecture': 'c' },
    ]);
  });

  it('survives a restart through its file, and starts empty from a file that does not read', () => {
    const dir = tempDir();
    new ShowCache({ dir }).set(digest(7), show('llama'));
    expect(new ShowCache({ dir }).get(digest(7))?.modelInfo).toEqual({ 'general.architecture': 'llama' });
    fs.writeFileSync(path.join(dir, SHOW_CACHE_FILE), '{"version":1,"entries":[["x", 5]]');
    expect(new ShowCache({ dir }).size).toBe(0);
  });

  it('keys only by digests, never by a path-like string', () => {
    const cache = new ShowCache({ dir: null });
    cache.set('../../etc', show('x'));
    expect(cache.size).toBe(0);
  });
});
