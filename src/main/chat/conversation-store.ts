import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { conversationSchema, type Conversation } from '../../shared/chat';
import { AppError } from '../../shared/errors';
import { TEMP_SUFFIX, writeFileAtomic } from './atomic-write';

/**
 * Conversations on disk: one JSON file per conversation in the app's data folder (never the
 * workspace, which may be a shared git repository). The store is the only writer: changes to one
 * conversation are applied one after another, each written atomically, and kept in memory so
 * listing and searching never reread the folder.
 */

const FORMAT = 1;
/** Files carry their format, so a later version can tell an older file from a newer one. */
const storedSchema = conversationSchema.extend({ format: z.literal(FORMAT) });

export class ConversationStore {
  private cache: Promise<Map<string, Conversation>> | null = null;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void = (line) => console.warn(`[chat] ${line}`),
  ) {}

  async all(): Promise<Conversation[]> {
    return [...(await this.loaded()).values()];
  }

  async get(id: string): Promise<Conversation> {
    const found = (await this.loaded()).get(id);
    if (!found) throw notFound(id);
    return found;
  }

  /** `prepared` sees the version about to be written, before it is on disk (see update). */
  async create(conversation: Conversation, prepared?: (next: Conversation) => void): Promise<Conversation> {
    return this.enqueue(conversation.id, async () => {
      const all = await this.loaded();
      if (all.has(conversation.id)) throw new AppError('conflict', `A conversation with id ${conversation.id} already exists`);
      prepared?.(conversation);
      await this.write(conversation);
      all.set(conversation.id, conversation);
      return conversation;
    });
  }

  /**
   * Applies `mutate` to the latest saved version and saves the result. `prepared` is handed the
   * new version while it is being written, so work that depends on it (a request to Ollama) can
   * start without waiting for the disk; it must not show anything until the returned promise resolves.
   */
  async update(id: string, mutate: (current: Conversation) => Conversation, prepared?: (next: Conversation) => void): Promise<Conversation> {
    return this.enqueue(id, async () => {
      const all = await this.loaded();
      const current = all.get(id);
      if (!current) throw notFound(id);
      const next = mutate(current);
      prepared?.(next);
      await this.write(next);
      all.set(id, next);
      return next;
    });
  }

  async delete(id: string): Promise<void> {
    await this.enqueue(id, async () => {
      const all = await this.loaded();
      if (!all.has(id)) throw notFound(id);
      await unlink(this.fileOf(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      all.delete(id);
    });
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private async write(conversation: Conversation): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.fileOf(conversation.id), `${JSON.stringify({ format: FORMAT, ...conversation }, null, 2)}\n`);
  }

  private enqueue<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return run;
  }

  private loaded(): Promise<Map<string, Conversation>> {
    this.cache ??= this.readAll();
    return this.cache;
  }

  private async readAll(): Promise<Map<string, Conversation>> {
    const map = new Map<string, Conversation>();
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return map;
      throw error;
    }
    await Promise.all(
      names.map(async (name) => {
        const path = join(this.dir, name);
        // A temporary file is a write that a crash interrupted: the real file is still whole.
        if (name.endsWith(TEMP_SUFFIX)) return void (await unlink(path).catch(() => undefined));
        if (!name.endsWith('.json')) return;
        const conversation = await this.readOne(path, name.slice(0, -'.json'.length));
        if (conversation) map.set(conversation.id, conversation);
      }),
    );
    return map;
  }

  /** An unreadable file is skipped and left as it is (never overwritten): the user may want it. */
  private async readOne(path: string, id: string): Promise<Conversation | null> {
    try {
      const raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
      const parsed = storedSchema.safeParse(raw);
      if (!parsed.success) {
        this.log(`${path} is not a conversation this version can read (${parsed.error.issues[0]?.message ?? 'invalid'}); skipped.`);
        return null;
      }
      if (parsed.data.id !== id) {
        this.log(`${path} holds conversation ${parsed.data.id}, not ${id}; skipped.`);
        return null;
      }
      const { format: _format, ...conversation } = parsed.data;
      return conversation;
    } catch (error) {
      this.log(`${path} could not be read (${error instanceof Error ? error.message : String(error)}); skipped.`);
      return null;
    }
  }
}

function notFound(id: string): AppError {
  return new AppError('not_found', `There is no conversation ${id}; it may have been deleted.`);
}
