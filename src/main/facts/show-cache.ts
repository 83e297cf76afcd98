import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { modelInfoSchema } from '../../shared/model-facts';
import { writeFileAtomic } from '../modelfiles/atomic-write';

/**
 * What /api/show said of a model, kept by digest: a digest names the exact bytes, so its answer
 * never changes and is asked once. In memory, and in a small file in the app data folder so a
 * restart does not ask again; the newest `maxEntries` are kept. A file that does not read is
 * ignored (and replaced at the next write): a cache miss costs one /api/show, nothing more.
 */

export const SHOW_CACHE_FILE = 'model-show-cache.json';
export const DEFAULT_MAX_ENTRIES = 200;
// /api/tags gives the manifest digest as bare hex; a prefixed one is accepted too.
const DIGEST = /^(sha256[:-])?[0-9a-fA-F]{64}$/;

export const cachedShowSchema = z.object({
  modelInfo: modelInfoSchema,
  parameters: z.string(),
  capabilities: z.array(z.string()),
  remoteHost: z.string().optional(),
  remoteModel: z.string().optional(),
});
export type CachedShow = z.infer<typeof cachedShowSchema>;

const fileSchema = z.object({ version: z.literal(1), entries: z.array(z.tuple([z.string(), cachedShowSchema])) });

export class ShowCache {
  private readonly entries = new Map<string, CachedShow>();
  private readonly file: string | null;
  private readonly maxEntries: number;

  constructor(options: { dir: string | null; maxEntries?: number }) {
    this.file = options.dir ? path.join(options.dir, SHOW_CACHE_FILE) : null;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.load();
  }

  get(digest: string): CachedShow | undefined {
    const hit = this.entries.get(digest);
    if (hit) {
      // Most recently used last, so the oldest is dropped first.
      this.entries.delete(digest);
      this.entries.set(digest, hit);
    }
    return hit;
  }

  set(digest: string, show: CachedShow): void {
    if (!DIGEST.test(digest)) return;
    this.entries.delete(digest);
    this.entries.set(digest, show);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.save();
  }

  get size(): number {
    return this.entries.size;
  }

  private load(): void {
    if (!this.file) return;
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      if (!parsed.success) return;
      for (const [digest, show] of parsed.data.entries.slice(-this.maxEntries)) if (DIGEST.test(digest)) this.entries.set(digest, show);
    } catch {
      // Absent or unreadable: start empty.
    }
  }

  private save(): void {
    if (!this.file) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify({ version: 1, entries: [...this.entries] }) + '\n');
    } catch (error) {
      console.warn(`[facts] could not save the model facts cache: ${String(error)}`);
    }
  }
}
