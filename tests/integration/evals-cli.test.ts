import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliMain } from '../../src/main/cli/cli-main';
import type { FakeOllama } from '../support/fake-ollama/index';
import { startEvalFake, V1, V2, writeEvalWorkspace } from './evals-fixtures';

/** `modelwright eval` called in-process, as the built cli.js calls it: exit status and output. */

let fake: FakeOllama;
let ws: string;
let dataDir: string;

beforeEach(async () => {
  fake = await startEvalFake();
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-cli-ws-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-cli-data-'));
  writeEvalWorkspace(ws);
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await cliMain(['eval', ...args, '--workspace', ws, '--ollama-host', fake.url, '--data-dir', dataDir], {
    out: (text) => (out += text),
    err: (text) => (err += text),
    errIsTty: false,
    env: {},
    appVersion: '0.0.0-test',
  });
  return { status, out, err };
}

describe('modelwright eval', () => {
  it('exits 1 when the newest version fails a case the previous one passed, and prints the table', async () => {
    const { status, out, err } = await cli('support-bot');
    expect(status).toBe(1);
    expect(out).toMatch(new RegExp(`greets\\s+pass\\s+FAIL \\(regressed\\)`));
    expect(out).toMatch(/refunds\s+FAIL\s+pass \(improved\)/);
    expect(out).toContain(`Regression: ${V2} fails greets, which ${V1} passed.`);
    expect(err).toContain(`Evaluating ${V1}`);
    // The run is saved where the table says.
    const saved = /saved in (evals\/runs\/support-bot\/\S+\.json)/.exec(out)?.[1];
    expect(saved && fs.existsSync(path.join(ws, saved))).toBe(true);
  });

  it('exits 0 when there is no regression, with a JSON report on --json', async () => {
    fake.setReplies([{ when: 'JSON', text: '{"status": "shipped"}' }, { text: 'Hello! A refund is possible.' }]);
    const { status, out } = await cli('support-bot', '--versions', 'v1,v2', '--json');
    expect(status).toBe(0);
    const report = JSON.parse(out) as { regression: unknown; state: string; models: Array<{ name: string; passed: number }> };
    expect(report.state).toBe('completed');
    expect(report.regression).toBeNull();
    expect(report.models.map((m) => [m.name, m.passed])).toEqual([
      [V1, 3],
      [V2, 3],
    ]);
  });

  it('exits 2 with a clear message for a family without a prompt set or versions', async () => {
    const { status, err, out } = await cli('nobody');
    expect(status).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('modelwright eval: The registry has no versions of "nobody"');
    const withModels = await cli('nobody', '--models', V1);
    expect(withModels.status).toBe(2);
    expect(withModels.err).toContain('"nobody" has no prompt set yet (evals/nobody.yaml)');
  });

  it('leaves the registry byte for byte as it was, even where a sync or a restart would change it', async () => {
    // Ollama lacks this base (a sync would mark it missing), and a create is under way in another
    // process (a starting app would reset it to failed). A CI checkout must stay clean.
    const file = path.join(ws, 'model_settings.json');
    const registry = JSON.parse(fs.readFileSync(file, 'utf8')) as { base_models: Record<string, unknown>; models: Record<string, unknown> };
    registry.base_models['qwen3:30b'] = { display_name: 'Qwen 3', description: '', status: 'available' };
    registry.models['support-bot-v3'] = { ...(registry.models['support-bot-v2'] as object), name: 'support-bot-v3', version: 'v3', status: 'creating' };
    fs.writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
    const before = fs.readFileSync(file);
    const { status } = await cli('support-bot', '--versions', 'v1,v2');
    expect(status).toBe(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('exits 2 on a usage error, and 0 for --help', async () => {
    const io = { out: () => undefined, err: () => undefined, errIsTty: false, env: {}, appVersion: '0' };
    expect(await cliMain(['eval', 'support-bot', '--versions', 'v1', '--models', 'x'], io)).toBe(2);
    expect(await cliMain(['frobnicate'], io)).toBe(2);
    expect(await cliMain(['--help'], io)).toBe(0);
    expect(await cliMain(['eval', '--help'], io)).toBe(0);
  });

  it('leaves the app settings untouched', async () => {
    await cli('support-bot');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
