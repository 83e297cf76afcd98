import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistryStore } from '../../src/main/registry/store';
import { journalPathFor, WriteJournal } from '../../src/main/registry/write-journal';

const SEED_TEXT = fs.readFileSync(path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json'), 'utf8');
const added = { name: 'added/by-a:v1', display_name: 'Added by A', modelfile: 'models/Modelfile.x', base_model: 'llama3:latest' };

let ws: string;
let file: string;
const stores: RegistryStore[] = [];

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-journal-'));
  file = path.join(ws, 'model_settings.json');
  fs.writeFileSync(file, SEED_TEXT);
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  const journal = journalPathFor(file);
  if (journal) fs.rmSync(journal, { force: true });
  fs.rmSync(ws, { recursive: true, force: true });
});

function open(): RegistryStore {
  const store = new RegistryStore({ workspace: ws, watch: false, log: () => {} });
  stores.push(store);
  return store;
}

describe('the journal of recent writes', () => {
  it('lets app B merge back app A’s write when an editor’s older save reached B first', async () => {
    const a = open();
    const b = open();
    const readByEditor = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    await a.addModel(added);
    readByEditor.saved_by_editor = true;
    fs.writeFileSync(file, JSON.stringify(readByEditor, null, 2));
    // B writes first, on top of the editor's save, which lacks A's model.
    await b.setDefault(null);
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { display_name: string }> } & Record<string, unknown>;
    expect(onDisk.saved_by_editor).toBe(true);
    expect(onDisk.default_model).toBeNull();
    expect(onDisk.models[added.name]?.display_name).toBe('Added by A');
    // A, reading B's write later, has nothing left to merge and keeps it as is.
    await a.reload();
    expect(a.get().registry.models[added.name]?.display_name).toBe('Added by A');
  });

  it('is kept outside the workspace, readable by this user only', async () => {
    await open().addModel(added);
    expect(fs.readdirSync(ws).filter((name) => name !== 'model_settings.json')).toEqual([]);
    const journal = journalPathFor(file)!;
    expect(journal.startsWith(os.tmpdir())).toBe(true);
    expect(fs.statSync(path.dirname(journal)).mode & 0o077).toBe(0);
    expect(new WriteJournal(file, () => {}).read()).toHaveLength(1);
  });

  it('is not used in a shared folder another user could write', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-journal-tmp-'));
    try {
      const uid = process.getuid?.() ?? os.userInfo().username;
      fs.mkdirSync(path.join(tmp, `modelwright-writes-${uid}`), { mode: 0o777 });
      fs.chmodSync(path.join(tmp, `modelwright-writes-${uid}`), 0o777);
      expect(journalPathFor(file, tmp)).toBeNull();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('skips a line cut short by a crash', async () => {
    await open().addModel(added);
    const journal = journalPathFor(file)!;
    fs.appendFileSync(journal, '{"id":"cut","stamp":1,');
    expect(new WriteJournal(file, () => {}).read().map((r) => r.id)).not.toContain('cut');
    expect(new WriteJournal(file, () => {}).read()).toHaveLength(1);
  });
});
