import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/shared/deploy/plan-schema';
import type { Job } from '../../src/shared/jobs';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR, V1, V2 } from './create-fixtures';

/**
 * The built command (out/main/cli.js, `npm run build` first) spawned as CI would run it, against
 * a fake Ollama: output, JSON and exit codes of `plan` and `apply`.
 */

const CLI = path.resolve(import.meta.dirname, '..', '..', 'out', 'main', 'cli.js');

let fake: FakeOllama;
let ws: string;
let dataDir: string;

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npx electron-vite build" first.`);
});

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B] });
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-deploy-cli-ws-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-deploy-cli-data-'));
  fs.cpSync(TEMPLATE_DIR, ws, { recursive: true });
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(ws, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function run(...args: string[]): Promise<{ status: number | null; out: string; err: string }> {
  return runBare(...args, '--ollama-host', fake.url);
}

/** Without --ollama-host: the primary is the settings' (none here: the default), or what --host says. */
function runBare(...args: string[]): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, '--workspace', ws, '--data-dir', dataDir], {
      env: { PATH: process.env.PATH ?? '', HOME: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out, err }));
    child.stdin.end();
  });
}

const actionsOf = (plan: Plan) => plan.hosts.map((h) => ({ host: h.host, actions: h.actions }));

// Each test spawns the command several times; on a loaded machine one start takes seconds.
describe('modelwright plan and apply (built command)', { timeout: 90_000 }, () => {
  it('plan --all --json lists exactly what apply then does; afterwards plan --exit-code returns 0', async () => {
    const planned = await run('plan', '--all', '--json');
    expect(planned.status).toBe(0);
    const plan = JSON.parse(planned.out) as Plan;
    expect(actionsOf(plan)).toEqual([
      {
        host: 'local',
        actions: [
          { kind: 'pull', model: 'qwen3:30b', reason: `the base of ${V2}` },
          { kind: 'create', model: V1, reason: 'missing', requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          { kind: 'create', model: V2, reason: 'missing', requestSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          { kind: 'preload', model: V1 },
        ],
      },
    ]);
    expect((await run('plan', '--all', '--exit-code')).status).toBe(3);

    fake.clearRequests();
    const applied = await run('apply', '--all', '--yes', '--json');
    expect(applied.status).toBe(0);
    const result = JSON.parse(applied.out) as { plan: Plan; job: Job };
    expect(actionsOf(result.plan)).toEqual(actionsOf(plan));
    expect(result.job).toMatchObject({ kind: 'apply', state: 'succeeded', progress: { status: '4 of 4 actions' } });
    // What the fake saw is the plan, action for action.
    const did = fake.requests
      .filter((r) => r.method === 'POST' && ['/api/pull', '/api/create', '/api/generate'].includes(r.path))
      .map((r) => `${r.path} ${(r.body as { model: string }).model}`);
    // (The app's own start-up preloader may load v1 again; passive services stop that on the cli branch.)
    expect([...new Set(did)].sort()).toEqual(['/api/create ' + V1, '/api/create ' + V2, '/api/generate ' + V1, '/api/pull qwen3:30b'].sort());
    expect(did.filter((d) => !d.startsWith('/api/generate'))).toHaveLength(3);
    // The create body sent is the one whose hash the plan shows.
    const { createHash } = await import('node:crypto');
    const v2 = fake.requestsTo('/api/create').find((r) => (r.body as { model: string }).model === V2);
    const planned2 = plan.hosts[0]!.actions.find((a) => a.kind === 'create' && a.model === V2);
    expect(createHash('sha256').update(v2?.raw ?? '').digest('hex')).toBe(planned2 && 'requestSha256' in planned2 ? planned2.requestSha256 : '');

    const again = await run('plan', '--all', '--exit-code');
    expect(again.status).toBe(0);
    expect(again.out).toContain('local (primary): matches the registry');
    const registry = JSON.parse(fs.readFileSync(path.join(ws, 'model_settings.json'), 'utf8')) as { deployments: Record<string, Record<string, unknown>>; models: Record<string, { is_jamie_model?: boolean }> };
    expect(Object.keys(registry.deployments.local ?? {}).sort()).toEqual([V1, V2]);
    expect(registry.models[V1]?.is_jamie_model).toBe(true);
  });

  it('apply without --yes and without a terminal prints the plan and exits 2, applying nothing', async () => {
    const { status, out, err } = await run('apply', '--all');
    expect(status).toBe(2);
    expect(out).toContain(`+ create  ${V2}  (missing)`);
    expect(err).toContain('Add --yes');
    expect(fake.requestsTo('/api/create')).toEqual([]);
  });

  it('bad input exits 2 with what to do: two primary addresses, what is neither a name nor an address, --host with --all, apply without a target', async () => {
    // gpu-box is no host in Settings, so it reads as an address: the primary's, like --ollama-host.
    const twice = await run('plan', '--host', 'gpu-box');
    expect(twice.status).toBe(2);
    expect(twice.err).toContain(`--ollama-host ${fake.url} and --host http://gpu-box:11434 both give the primary's address: give one.`);
    const neither = await run('plan', '--host', 'ftp://gpu-box');
    expect(neither.status).toBe(2);
    expect(neither.err).toContain('--host "ftp://gpu-box" is neither a host in Settings (local) nor an Ollama address');
    expect((await run('plan', '--host', 'local', '--all')).status).toBe(2);
    const noTarget = await run('apply', '--yes');
    expect(noTarget.status).toBe(2);
    expect(noTarget.err).toContain('--host HOST or --all');
  });

  it('--host takes an address as in every other command: one no host has is the primary, for this run', async () => {
    const planned = await runBare('plan', '--host', fake.url, '--json');
    expect(planned.status).toBe(0);
    const plan = JSON.parse(planned.out) as Plan;
    expect(plan.hosts.map((h) => [h.host, h.online])).toEqual([['local', true]]);
    expect(fake.requestsTo('/api/tags').length).toBeGreaterThan(0);
  });

  it('a primary that does not answer makes plan exit 1 and say so', async () => {
    await fake.setOffline(true);
    const { status, out, err } = await run('plan', '--all');
    expect(status).toBe(1);
    expect(out).toContain('local (primary): not planned');
    expect(err).toContain('local did not answer');
  });

  // Hosts beyond the primary come from settings (settings.json `hosts: [{name, url}]`).
  it('plan --all --json and apply --all cover every host in settings, the offline one untouched and reported', async () => {
    const gpu = await startFakeOllama({ models: [], library: [LLAMA3, QWEN3_30B] });
    const down = await startFakeOllama({ models: [] });
    await down.setOffline(true);
    try {
      fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ hosts: [{ name: 'gpu', url: gpu.url }, { name: 'down', url: down.url }] }));
      const planned = await run('plan', '--all', '--json');
      expect(planned.status).toBe(1); // down did not answer
      const plan = JSON.parse(planned.out) as Plan;
      expect(plan.hosts.map((h) => [h.host, h.online])).toEqual([['local', true], ['gpu', true], ['down', false]]);
      const applied = await run('apply', '--all', '--yes', '--json');
      const result = JSON.parse(applied.out) as { plan: Plan; job: Job };
      expect(actionsOf(result.plan)).toEqual(actionsOf(plan));
      expect(result.job.state).toBe('succeeded');
      expect(applied.status).toBe(1);
      expect(down.requests).toEqual([]);
      const bodies = [fake, gpu].map((f) => f.requestsTo('/api/create').find((r) => (r.body as { model: string }).model === V2)?.raw);
      expect(bodies[0]).toBeDefined();
      expect(bodies[1]).toBe(bodies[0]);
      expect((await run('plan', '--host', 'local', '--host', 'gpu', '--exit-code')).status).toBe(0);
      // gpu by its address is gpu (its name in the plan), beside the primary.
      const byAddress = await run('plan', '--host', gpu.url, '--json');
      expect((JSON.parse(byAddress.out) as Plan).hosts.map((h) => h.host)).toEqual(['gpu']);
    } finally {
      await gpu.close();
      await down.close();
    }
  });
});
