import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliMain } from '../../src/main/cli/cli-main';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR, V1, V2 } from './create-fixtures';

/** `modelwright release`, called in-process as the built cli.js calls it. */

let fake: FakeOllama;
let ws: string;
let dataDir: string;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3, PROPERTY_MANAGER_V1] });
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-release-ws-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-release-data-'));
  fs.cpSync(TEMPLATE_DIR, ws, { recursive: true });
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await cliMain([...args, '--workspace', ws, '--host', fake.url, '--data-dir', dataDir], {
    out: (text) => (out += text),
    err: (text) => (err += text),
    errIsTty: false,
    env: {},
    appVersion: '0.0.0-test',
  });
  return { status, out, err };
}

const aliases = () => (JSON.parse(fs.readFileSync(path.join(ws, 'model_settings.json'), 'utf8')) as { aliases?: Record<string, { model: string }> }).aliases;

describe('release', () => {
  it('copies the version to the alias and records it (exit 0), in words and as JSON', async () => {
    const run = await cli(['release', V1, 'property-manager']);
    expect(run).toMatchObject({ status: 0, out: `property-manager:latest is now ${V1}\n` });
    expect(aliases()).toEqual({ 'property-manager:latest': { model: V1, released_at: expect.any(String) } });
    expect(fake.hasModel('property-manager:latest')).toBe(true);
    const again = await cli(['release', V1, 'property-manager:latest', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ alias: 'property-manager:latest', model: V1, previous: null });
  });

  it('exits 2 for an invalid name, 1 for a version that is not built, with the reason in words', async () => {
    const bad = await cli(['release', V1, 'my alias']);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('"my alias" is not a valid Ollama model name');
    const pending = await cli(['release', V2, 'property-manager']);
    expect(pending.status).toBe(1);
    expect(pending.err).toBe(`modelwright release: ${V2} is not built (it is pending); create it first, then release it.\n`);
    expect(aliases()).toBeUndefined();
    const missing = await cli(['release', V1]);
    expect(missing.status).toBe(2);
  });
});
