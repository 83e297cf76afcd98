import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_SETTINGS, conversationIdSchema, type Conversation } from '../../src/shared/chat';
import { ConversationStore } from '../../src/main/chat/conversation-store';

let dir: string;
let logged: string[];

const store = () => new ConversationStore(dir, (line) => logged.push(line));

function conversation(id: string, title = 'A title'): Conversation {
  return {
    id,
    title,
    createdAt: '2025-08-08T21:00:00.000Z',
    updatedAt: '2025-08-08T21:00:00.000Z',
    model: 'pm:v1',
    compareModel: null,
    settings: DEFAULT_CHAT_SETTINGS,
    messages: [],
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mw-conv-'));
  logged = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('conversation files', () => {
  it('writes one JSON file per conversation, with its format, and reads it back in a new store', async () => {
    await store().create(conversation('c1', 'Rent'));
    const text = await readFile(join(dir, 'c1.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 1, id: 'c1', title: 'Rent' });
    expect(await store().get('c1')).toEqual(conversation('c1', 'Rent'));
  });

  it('applies concurrent updates one after another, losing none', async () => {
    const s = store();
    await s.create(conversation('c1'));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.update('c1', (c) => ({ ...c, title: `${c.title}${i % 10}` }))),
    );
    expect((await store().get('c1')).title).toBe('A title01234567890123456789');
  });

  it('skips a file it cannot read, says so, and never overwrites it', async () => {
    await writeFile(join(dir, 'broken.json'), '{ not json');
    await writeFile(join(dir, 'future.json'), JSON.stringify({ ...conversation('future'), format: 2 }));
    const s = store();
    await s.create(conversation('ok'));
    expect((await s.all()).map((c) => c.id)).toEqual(['ok']);
    expect(logged.join('\n')).toMatch(/broken\.json could not be read/);
    expect(logged.join('\n')).toMatch(/future\.json is not a conversation this version can read/);
    expect(await readFile(join(dir, 'broken.json'), 'utf8')).toBe('{ not json');
  });

  it('removes temporary files a crash left behind, keeping the real file', async () => {
    await store().create(conversation('c1'));
    await writeFile(join(dir, 'c1.json.abc123.tmp'), '{"half":');
    expect((await store().all()).map((c) => c.id)).toEqual(['c1']);
    expect(await readdir(dir)).toEqual(['c1.json']);
  });

  it('deletes the file; a deleted or unknown conversation is not_found', async () => {
    const s = store();
    await s.create(conversation('c1'));
    await s.delete('c1');
    expect(await readdir(dir)).toEqual([]);
    await expect(s.get('c1')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(s.update('c1', (c) => c)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('accepts only ids that cannot leave the folder', () => {
    expect(conversationIdSchema.safeParse('0b6c3a2e-5d1f-4e7a-9c1b-2f3e4d5c6b7a').success).toBe(true);
    for (const bad of ['../settings', 'a/b', '..', 'a.json', '']) expect(conversationIdSchema.safeParse(bad).success).toBe(false);
  });
});
