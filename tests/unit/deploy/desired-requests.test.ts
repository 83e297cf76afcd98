import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DesiredRequests } from '../../../src/main/deploy/desired-requests';
import { SETTLE_MS } from '../../../src/main/deploy/file-stamp';
import { WeightHashes } from '../../../src/main/deploy/weight-hashes';
import type { Registry } from '../../../src/shared/registry';

/**
 * The plan's cache of create requests: a warm plan reads no Modelfile that did not change, and a
 * Modelfile edited outside the app is always seen by the next plan (file-stamp.ts states the rule).
 */

let ws: string;
const NAME = 'bot-v1';
const MODELFILE = 'models/Modelfile.bot';
const file = () => path.join(ws, MODELFILE);

function registry(): Registry {
  return {
    default_model: null,
    models: { [NAME]: { name: NAME, display_name: 'Bot', description: '', version: 'v1', base_model: 'llama3:latest', modelfile: MODELFILE, show_in_ui: true, auto_preload: false, status: 'pending' } },
    base_models: {},
  };
}

/** A clock this far ahead of the file system's: every file counts as settled. */
const later = () => Date.now() + 10 * SETTLE_MS;

async function sha(requests: DesiredRequests): Promise<string> {
  const desired = (await requests.all(registry(), ws)).get(NAME);
  if (!desired?.ok) throw new Error(`not prepared: ${desired?.error.message}`);
  return desired.sha256;
}

/** A whole second an hour ago: an mtime that can be put back exactly (utimes has no nanoseconds to give). */
const HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

/** Writes the file with that mtime, as `touch -r`, `cp -p` or rsync -t leave it. */
function writeWithOldMtime(at: string, text: string): void {
  fs.writeFileSync(at, text);
  fs.utimesSync(at, HOUR_AGO, HOUR_AGO);
}

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-desired-'));
  fs.mkdirSync(path.join(ws, 'models'));
  fs.writeFileSync(file(), 'FROM llama3:latest\nSYSTEM "one"\n');
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(ws, { recursive: true, force: true });
});

describe('DesiredRequests', () => {
  it('reads a settled, unchanged Modelfile once: later plans only stat it', async () => {
    const reads = vi.spyOn(fsPromises, 'readFile');
    const requests = new DesiredRequests(new WeightHashes(later), undefined, later);
    const first = await sha(requests);
    expect(await sha(requests)).toBe(first);
    expect(await sha(requests)).toBe(first);
    expect(reads.mock.calls.filter(([p]) => p === file())).toHaveLength(1);
  });

  it('reads a Modelfile changed within the settle time again on the next plan (its stamp cannot be trusted yet)', async () => {
    const reads = vi.spyOn(fsPromises, 'readFile');
    // The real clock: the file was written a moment ago.
    const requests = new DesiredRequests(new WeightHashes());
    await sha(requests);
    await sha(requests);
    expect(reads.mock.calls.filter(([p]) => p === file())).toHaveLength(2);
  });

  it('sees an edit of the same size made right after a plan, even when the file system gives it the same mtime', async () => {
    const requests = new DesiredRequests(new WeightHashes());
    const before = await sha(requests);
    // Same size; on a coarse clock (one tick per second on some file systems) also the same mtime.
    fs.writeFileSync(file(), 'FROM llama3:latest\nSYSTEM "two"\n');
    expect(await sha(requests)).not.toBe(before);
  });

  it('sees an edit that changes the size', async () => {
    const requests = new DesiredRequests(new WeightHashes(later), undefined, later);
    const before = await sha(requests);
    fs.writeFileSync(file(), 'FROM llama3:latest\nSYSTEM "a longer prompt"\n');
    expect(await sha(requests)).not.toBe(before);
  });

  it('sees an edit of the same size whose mtime was put back (by its ctime)', async () => {
    writeWithOldMtime(file(), 'FROM llama3:latest\nSYSTEM "one"\n');
    const requests = new DesiredRequests(new WeightHashes(later), undefined, later);
    const before = await sha(requests);
    writeWithOldMtime(file(), 'FROM llama3:latest\nSYSTEM "two"\n');
    expect(fs.statSync(file()).mtimeMs).toBe(HOUR_AGO * 1000);
    expect(await sha(requests)).not.toBe(before);
  });

  it('sees a Modelfile replaced by another file (a new inode), as editors save', async () => {
    writeWithOldMtime(file(), 'FROM llama3:latest\nSYSTEM "one"\n');
    const requests = new DesiredRequests(new WeightHashes(later), undefined, later);
    const before = await sha(requests);
    const next = path.join(ws, 'models', 'Modelfile.bot.tmp');
    writeWithOldMtime(next, 'FROM llama3:latest\nSYSTEM "two"\n');
    fs.renameSync(next, file());
    expect(await sha(requests)).not.toBe(before);
  });

  it('remembers a missing Modelfile as missing, and sees it once it exists', async () => {
    fs.rmSync(file());
    const requests = new DesiredRequests(new WeightHashes(later), undefined, later);
    const missing = (await requests.all(registry(), ws)).get(NAME);
    expect(missing).toMatchObject({ ok: false, error: { message: expect.stringContaining('does not exist') } });
    fs.writeFileSync(file(), 'FROM llama3:latest\n');
    expect((await requests.all(registry(), ws)).get(NAME)?.ok).toBe(true);
  });

  it('sees a local weights file edited in place with its mtime put back', async () => {
    const weights = path.join(ws, 'models', 'model.gguf');
    writeWithOldMtime(weights, 'GGUF-one');
    fs.writeFileSync(file(), 'FROM ./model.gguf\n');
    const requests = new DesiredRequests(new WeightHashes(later), undefined, later);
    const before = await sha(requests);
    writeWithOldMtime(weights, 'GGUF-two');
    expect(await sha(requests)).not.toBe(before);
  });
});

describe('WeightHashes', () => {
  it("remembers a settled file's digest, and sees it edited in place with its mtime put back", async () => {
    const weights = path.join(ws, 'w.bin');
    writeWithOldMtime(weights, 'one');
    const hashes = new WeightHashes(later);
    const first = await hashes.digestOf(weights);
    expect(await hashes.digestOf(weights)).toBe(first);
    writeWithOldMtime(weights, 'two');
    expect(await hashes.digestOf(weights)).not.toBe(first);
  });
});
