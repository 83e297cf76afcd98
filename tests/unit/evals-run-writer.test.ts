import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as AtomicWrite from '../../src/main/chat/atomic-write';
import { readRun, RunWriter } from '../../src/main/evals/run-store';
import { result, runRecord } from './eval/run-fixture';

/** The run file's writer: created once, never over another file, rewritten at most about once a second. */

const writes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/main/chat/atomic-write', async (importOriginal) => {
  const actual = await importOriginal<typeof AtomicWrite>();
  return {
    ...actual,
    writeFileAtomic: async (file: string, text: string) => {
      writes.count++;
      await actual.writeFileAtomic(file, text);
    },
  };
});

let ws: string;

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-run-writer-'));
  writes.count = 0;
});

afterEach(() => {
  fs.rmSync(ws, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RunWriter', () => {
  it('rewrites the file at most about once a second while results come in, and at once when it ends', async () => {
    const record = runRecord([{ name: 'bot-v1' }], {}, { state: 'running', finishedAt: null });
    const writer = RunWriter.create(ws, record);
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      record.results.push(result(`case-${i}`, 'bot-v1', true));
      writer.changed();
      await sleep(50);
    }
    const seconds = (Date.now() - started) / 1000;
    expect(writes.count).toBeGreaterThanOrEqual(1);
    expect(writes.count).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    // While it runs, this process is writing it: it reads as running, not interrupted.
    expect(readRun(ws, 'bot', record.id).state).toBe('running');

    record.state = 'completed';
    record.finishedAt = new Date().toISOString();
    await writer.finish();
    expect(readRun(ws, 'bot', record.id)).toEqual(record);
  });

  it('never creates a run file over an existing one', () => {
    const record = runRecord([{ name: 'bot-v1' }], { 'bot-v1': { a: true } });
    const file = path.join(ws, 'evals', 'runs', 'bot', `${record.id}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'an earlier run');
    expect(() => RunWriter.create(ws, record)).toThrow(/exists already/);
    expect(fs.readFileSync(file, 'utf8')).toBe('an earlier run');
  });
});
