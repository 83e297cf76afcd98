import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliMain } from '../../src/main/cli/cli-main';
import type { CliIo } from '../../src/main/cli/cli-io';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR, V1, V2 } from './create-fixtures';

/**
 * The commands called in-process as the built cli.js calls them, against a fake Ollama: exit
 * statuses, human and JSON output, and what each leaves in the registry file.
 */

let fake: FakeOllama;
let ws: string;
let dataDir: string;
let file: string;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B], pull: { steps: 4, stepMs: 5 } });
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-cli-cmd-ws-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-cli-cmd-data-'));
  fs.cpSync(TEMPLATE_DIR, ws, { recursive: true });
  file = path.join(ws, 'model_settings.json');
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  status: number;
  out: string;
  err: string;
}

async function cli(args: string[], extra: Partial<CliIo> = {}, host = fake.url): Promise<Run> {
  let out = '';
  let err = '';
  const status = await cliMain([...args, '--workspace', ws, '--host', host, '--data-dir', dataDir], {
    out: (text) => (out += text),
    err: (text) => (err += text),
    errIsTty: false,
    env: {},
    appVersion: '0.0.0-test',
    ...extra,
  });
  return { status, out, err };
}

type Entry = { status: string; failure_reason?: string; build?: { digest: string } };
const registry = () => JSON.parse(fs.readFileSync(file, 'utf8')) as { default_model: string; models: Record<string, Entry>; base_models: Record<string, Entry> };

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const gone = await startFakeOllama();
  const url = gone.url;
  await gone.close();
  return url;
}

describe('list', () => {
  it('prints the models as a table, and the entries as JSON with --json', async () => {
    const text = await cli(['list']);
    expect(text.status).toBe(0);
    expect(text.out).toMatch(/^NAME\s+DISPLAY NAME\s+VERSION\s+BASE\s+STATUS$/m);
    expect(text.out).toMatch(new RegExp(`^${V2}\\s+PeteOllama Property Manager v2\\s+v2\\s+qwen3:30b\\s+pending$`, 'm'));
    const json = await cli(['list', '--json']);
    const entries = JSON.parse(json.out) as Array<{ name: string; status: string; is_jamie_model: boolean }>;
    expect(entries.map((e) => [e.name, e.status, e.is_jamie_model])).toEqual([
      [V1, 'available', true],
      [V2, 'pending', true],
    ]);
  });

  it('exits 1 with where the file is wrong when the registry is invalid', async () => {
    fs.writeFileSync(file, '{\n  "models": {\n    "a": 1,\n');
    const { status, err, out } = await cli(['list']);
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^modelwright list: The registry file .*model_settings\.json is invalid \(line \d+/);
  });

  it('exits 2 for a folder that is not a workspace', async () => {
    fs.rmSync(file);
    const { status, err } = await cli(['list']);
    expect(status).toBe(2);
    expect(err).toContain('is not a Modelwright workspace (it has no model_settings.json)');
  });
});

describe('status', () => {
  it('online: host, version, models by status, and the file left byte for byte as it was', async () => {
    const before = fs.readFileSync(file);
    const { status, out } = await cli(['status']);
    expect(status).toBe(0);
    expect(out).toContain(`${fake.url} · Ollama 0.18.0 · online`);
    expect(out).toMatch(/Models\s+1 pending, 1 missing/);
    expect(out).toContain(`Note: ${V1} is missing now; the registry file still says available`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('offline: exit 1 with the reason, in text and in JSON', async () => {
    const host = await closedPort();
    const text = await cli(['status'], {}, host);
    expect(text.status).toBe(1);
    expect(text.out).toMatch(/offline: Ollama is not reachable at .* \(connection refused\)/);
    expect(text.out).toContain('Another Ollama? Give --host with a host named in Settings or an address, or set OLLAMA_HOST.');
    const json = await cli(['status', '--json'], {}, host);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ online: false, connection: 'offline', reason: expect.stringContaining('connection refused'), models: { available: [V1], pending: [V2] } });
  });
});

describe('--host names a host in Settings, or gives an address', () => {
  it('status --host NAME asks that host; its address picks it too; create refuses a host that is not the primary', async () => {
    const gpu = await startFakeOllama({ models: [], version: '0.20.0' });
    try {
      fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ ollamaHost: fake.url, hosts: [{ name: 'gpu', url: gpu.url }] }));
      const named = await cli(['status'], {}, 'gpu');
      expect(named.status).toBe(0);
      expect(named.out).toContain(`${gpu.url} · Ollama 0.20.0 · online`);
      const primary = await cli(['status'], {}, 'local');
      expect(primary.out).toContain(`${fake.url} · Ollama 0.18.0 · online`);

      const before = fs.readFileSync(file);
      const refused = await cli(['create', V2], {}, 'gpu');
      expect(refused.status).toBe(2);
      expect(refused.err).toContain(`"gpu" is not the primary host, and this command records the primary's status in the registry. Build there with "modelwright apply --host gpu"`);
      // Its address is the same host, so the same answer.
      expect((await cli(['create', V2], {}, gpu.url)).status).toBe(2);
      expect(gpu.requestsTo('/api/create')).toEqual([]);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      await gpu.close();
    }
  });
});

describe('export', () => {
  it('writes the registry as the workspace has it, and a zip only to a file', async () => {
    const stdout = await cli(['export']);
    expect(stdout.status).toBe(0);
    expect(stdout.out).toBe(fs.readFileSync(file, 'utf8'));
    const out = path.join(dataDir, 'team.zip');
    const zip = await cli(['export', '--format', 'zip', '--out', out, '--json']);
    expect(zip.status).toBe(0);
    expect(JSON.parse(zip.out)).toMatchObject({ file: out, format: 'zip', models: 2, modelfiles: { included: ['models/Modelfile.enhanced', 'models/Modelfile.qwen-enhanced'] } });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const noOut = await cli(['export', '--format', 'zip']);
    expect(noOut.status).toBe(2);
    expect(noOut.err).toContain('A zip is written to a file: give --out FILE.');
    expect((await cli(['export', '--format', 'tar'])).status).toBe(2);
    const onto = await cli(['export', '--out', file]);
    expect(onto.status).toBe(2);
    expect(onto.err).toContain('is the registry itself');
  });

  it('--helm writes the versions as Ollama Helm chart values, to standard output or a file', async () => {
    const stdout = await cli(['export', '--helm']);
    expect(stdout.status).toBe(0);
    expect(stdout.out).toContain('ollama:\n  models:\n    pull:\n');
    expect(stdout.out).toContain(`- name: ${V1}`);
    const out = path.join(dataDir, 'values.yaml');
    const written = await cli(['export', '--format', 'helm', '--out', out, '--json']);
    expect(written.status).toBe(0);
    expect(JSON.parse(written.out)).toMatchObject({ file: out, format: 'helm' });
    expect(fs.readFileSync(out, 'utf8')).toBe(stdout.out);
    const both = await cli(['export', '--helm', '--format', 'zip']);
    expect(both.status).toBe(2);
    expect(both.err).toContain('ask for two formats');
  });
});

describe('import', () => {
  let importFile: string;
  beforeEach(() => {
    const other = registry() as unknown as { models: Record<string, Record<string, unknown>> };
    other.models['team-v1'] = { ...other.models[V1], name: 'team-v1', display_name: 'Team v1' };
    (other.models[V2] as Record<string, unknown>).description = 'changed elsewhere';
    importFile = path.join(dataDir, 'team.json');
    fs.writeFileSync(importFile, JSON.stringify(other, null, 2));
  });

  it('without --yes and no terminal: prints the plan, imports nothing, exits 2 saying to pass --yes', async () => {
    const before = fs.readFileSync(file);
    const { status, out, err } = await cli(['import', importFile]);
    expect(status).toBe(2);
    expect(out).toMatch(/\+ add\s+team-v1 \(Team v1\)/);
    expect(out).toMatch(new RegExp(`~ change\\s+${V2}.*not applied: give --overwrite`));
    expect(out).toContain('description: "Property management model v2 trained on qwen3" → "changed elsewhere"');
    expect(err).toContain('pass --yes');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('asks on a terminal: "n" imports nothing (exit 1), "y" imports the new entry only', async () => {
    const asked: string[] = [];
    const tty = (answer: string): Partial<CliIo> => ({ stdinIsTty: true, prompt: async (q) => (asked.push(q), answer) });
    expect((await cli(['import', importFile], tty('n'))).status).toBe(1);
    expect(registry().models['team-v1']).toBeUndefined();
    const yes = await cli(['import', importFile], tty('y'));
    expect(yes.status).toBe(0);
    expect(asked).toEqual(['Import 1 entry? [y/N] ', 'Import 1 entry? [y/N] ']);
    expect(yes.out).toContain('Added team-v1.');
    expect(registry().models['team-v1']).toMatchObject({ status: 'pending' });
    expect(registry().models[V2]).not.toMatchObject({ description: 'changed elsewhere' });
  });

  it('--yes --overwrite --json applies adds and changes and prints the outcome', async () => {
    const { status, out } = await cli(['import', importFile, '--yes', '--overwrite', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ applied: true, outcome: { added: ['team-v1'], changed: [V2], skipped: [] } });
    expect(registry().models[V2]).toMatchObject({ description: 'changed elsewhere' });
  });

  it('exits 2 for a file that is not a registry', async () => {
    fs.writeFileSync(importFile, '{ "models": [1, 2');
    const { status, err } = await cli(['import', importFile, '--yes']);
    expect(status).toBe(2);
    expect(err).toMatch(/^modelwright import: /);
    expect((await cli(['import', path.join(dataDir, 'nope.json')])).status).toBe(2);
  });
});

describe('create', () => {
  it('builds the model (exit 0), records it available with its build, and rewrites no other entry', async () => {
    const { status, out, err } = await cli(['create', V1]);
    expect(status).toBe(0);
    expect(out).toMatch(new RegExp(`^Created ${V1} in \\d+\\.\\d s\\.$`, 'm'));
    expect(err).toContain('checking the Modelfile');
    expect(registry().models[V1]).toMatchObject({ status: 'available', build: { digest: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    // Ollama lacks qwen3:30b: a sync would mark it missing; a command must not (the app syncs
    // after a create, in the background: give it the time it would take).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(registry().base_models['qwen3:30b']?.status).toBe('available');
    expect(fake.hasModel(V1)).toBe(true);
  });

  it('with --json: progress events, then one result line with the entry', async () => {
    const { status, out } = await cli(['create', V1, '--json']);
    expect(status).toBe(0);
    const events = out.trim().split('\n').map((line) => JSON.parse(line) as { event: string; ok?: boolean; model?: Entry });
    expect(events.some((e) => e.event === 'progress')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'result', ok: true, state: 'succeeded', model: { status: 'available' } });
  });

  it('a failed build exits 1 with the reason in plain words, recorded in the registry', async () => {
    fake.removeFromLibrary(QWEN3_30B.name);
    const { status, err } = await cli(['create', V2]);
    expect(status).toBe(1);
    expect(err).toMatch(new RegExp(`modelwright create: ${V2} failed: .*file does not exist`));
    expect(registry().models[V2]).toMatchObject({ status: 'failed', failure_reason: expect.stringContaining('file does not exist') });
  });

  it('Ctrl-C cancels the job: exit 1, "cancelled", and the model keeps its status', async () => {
    fake.setPull({ steps: 50, stepMs: 50 });
    let cancel: (() => void) | null = null;
    const run = cli(['create', V2], { onInterrupt: (c) => void (cancel = c) });
    await expect.poll(() => cancel !== null && fake.requestsTo('/api/create').length > 0, { timeout: 5_000 }).toBe(true);
    (cancel as unknown as () => void)();
    const { status, err } = await run;
    expect(status).toBe(1);
    expect(err).toContain('modelwright create: cancelled.');
    expect(registry().models[V2]?.status).toBe('pending');
  });

  it('--pull-base pulls a missing base as its own step first; a model left "creating" is noted', async () => {
    const doc = registry();
    doc.models[V2] = { ...doc.models[V2], status: 'creating' } as Entry;
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const { status, err } = await cli(['create', V2, '--pull-base']);
    expect(status).toBe(0);
    expect(err).toContain(`Note: the registry says ${V2} is being created already`);
    expect(err).toContain('Pulling the base model qwen3:30b first.');
    expect(fake.requestsTo('/api/pull')).toHaveLength(1);
    expect(registry().models[V2]?.status).toBe('available');
  });

  it('Ollama unreachable: exit 1 saying so, and the registry untouched', async () => {
    const before = fs.readFileSync(file);
    const { status, err } = await cli(['create', V1], {}, await closedPort());
    expect(status).toBe(1);
    expect(err).toMatch(new RegExp(`modelwright create: ${V1} failed: Ollama is not reachable at .*connection refused`));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('exits 2 for a name the registry lacks', async () => {
    const { status, err } = await cli(['create', 'nobody-v1']);
    expect(status).toBe(2);
    expect(err).toContain('There is no model named "nobody-v1" in the registry.');
  });
});

describe('pull', () => {
  it('records the status of a registry base model it pulled, and nothing else', async () => {
    const { status, out } = await cli(['pull', 'qwen3:30b', '--json']);
    expect(status).toBe(0);
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toMatchObject({ event: 'result', ok: true, recorded: [] });
    const doc = registry();
    doc.base_models['qwen3:30b'] = { ...doc.base_models['qwen3:30b'], status: 'missing' } as Entry;
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    fake.removeModel('qwen3:30b');
    expect((await cli(['pull', 'qwen3:30b'])).status).toBe(0);
    expect(registry().base_models['qwen3:30b']?.status).toBe('available');
    expect(registry().models[V1]?.status).toBe('available');
  });

  it('a name the library lacks exits 1 in plain words; a malformed name exits 2', async () => {
    const missing = await cli(['pull', 'nosuch:model']);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('modelwright pull: nosuch:model failed: nosuch:model was not found in the Ollama library.');
    const bad = await cli(['pull', 'Bad Name!']);
    expect(bad.status).toBe(2);
    expect(bad.err).toContain('Invalid model name "Bad Name!"');
  });
});
