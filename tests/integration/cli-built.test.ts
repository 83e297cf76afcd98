import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { TEMPLATE_DIR, V1, V2 } from './create-fixtures';

/**
 * The BUILT command (`node out/main/cli.js`, what `modelwright` runs), spawned as a user or a CI
 * job runs it, against the fake Ollama: human output, --json output and exit statuses. It builds
 * first when out/ is missing or older than the sources.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'out/main/cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

beforeAll(async () => {
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  if (built < Math.max(newestSource(path.join(ROOT, 'src/main')), newestSource(path.join(ROOT, 'src/shared')))) {
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT });
  }
}, 180_000);

let fake: FakeOllama;
let root: string;
let ws: string;
let file: string;

beforeEach(async () => {
  fake = await startFakeOllama({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B], pull: { steps: 4, stepMs: 5 } });
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-cli-built-'));
  ws = path.join(root, 'ws');
  fs.cpSync(TEMPLATE_DIR, ws, { recursive: true });
  file = path.join(ws, 'model_settings.json');
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(root, { recursive: true, force: true });
});


interface Exit {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command in the workspace folder, stdin not a terminal, no user settings. */
function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ws,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, OLLAMA_HOST: fake.url, XDG_CONFIG_HOME: path.join(root, 'config'), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, exited, output: () => stdout + stderr };
}

const run = (args: string[], env?: NodeJS.ProcessEnv) => start(args, env).exited;
const registry = () => JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, { status: string; failure_reason?: string }> };

describe('the built modelwright command', () => {
  it('exits 2 for an unknown command and for a bad flag, saying what is wrong with the usage', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
    expect(unknown.stderr).toContain('Usage: modelwright <command>');
    const flag = await run(['status', '--bogus']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("modelwright status: Unknown option '--bogus'");
    expect(flag.stderr).toContain('Usage: modelwright status');
  });

  it('lists the registry (OLLAMA_HOST and this folder as the workspace), as text and as JSON', async () => {
    const text = await run(['list']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^${V1}\\s+PeteOllama Property Manager v1\\s+v1\\s+llama3:latest\\s+available$`, 'm'));
    const json = await run(['list', '--json']);
    expect((JSON.parse(json.stdout) as Array<{ name: string }>).map((e) => e.name)).toEqual([V1, V2]);
  });

  it('status: 0 online; 1 with the reason when Ollama is offline', async () => {
    const online = await run(['status', '--json']);
    expect(online.status).toBe(0);
    expect(JSON.parse(online.stdout)).toMatchObject({ online: true, host: fake.url, version: '0.18.0' });
    await fake.close();
    const offline = await run(['status']);
    expect(offline.status).toBe(1);
    expect(offline.stdout).toMatch(/offline: Ollama is not reachable at .*\(connection refused\)/);
    fake = await startFakeOllama();
  });

  it('create: 0 and the model available in the registry file; --json is one JSON object per line', async () => {
    const done = await run(['create', V1, '--json']);
    expect(done.status).toBe(0);
    const events = done.stdout.trim().split('\n').map((line) => JSON.parse(line) as { event: string; state?: string });
    expect(events.filter((e) => e.event === 'progress').length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ event: 'result', ok: true, state: 'succeeded' });
    expect(registry().models[V1]?.status).toBe('available');
  });

  it('create: 1 with the reason when the build fails', async () => {
    fake.removeFromLibrary(QWEN3_30B.name);
    const failed = await run(['create', V2]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`modelwright create: ${V2} failed: .*pull model manifest: file does not exist`));
    expect(registry().models[V2]?.status).toBe('failed');
  });

  it('Ctrl-C during a create cancels it: exit 1, "cancelled", the status as it was', async () => {
    fake.setPull({ steps: 200, stepMs: 50 });
    const create = start(['create', V2]);
    await expect.poll(() => fake.requestsTo('/api/create').length, { timeout: 10_000 }).toBeGreaterThan(0);
    create.child.kill('SIGINT');
    const { status, stderr } = await create.exited;
    expect(status).toBe(1);
    expect(stderr).toContain('modelwright create: cancelled.');
    expect(registry().models[V2]?.status).toBe('pending');
  });

  it('pull: 1 in plain words for a name the library lacks', async () => {
    const { status, stderr } = await run(['pull', 'nosuch:model']);
    expect(status).toBe(1);
    expect(stderr).toContain('nosuch:model was not found in the Ollama library. Check the name and tag');
    expect(stderr).not.toMatch(/ResponseError|status_code|UND_ERR/);
  });

  it('import: without --yes and without a terminal, prints the plan and exits 2 saying to pass --yes', async () => {
    const other = JSON.parse(fs.readFileSync(file, 'utf8')) as { models: Record<string, Record<string, unknown>> };
    other.models['team-v1'] = { ...other.models[V1], name: 'team-v1' };
    fs.writeFileSync(path.join(root, 'team.json'), JSON.stringify(other));
    const before = fs.readFileSync(file);
    const { status, stdout, stderr } = await run(['import', path.join(root, 'team.json')]);
    expect(status).toBe(2);
    expect(stdout).toMatch(/\+ add\s+team-v1/);
    expect(stderr).toContain('pass --yes');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect((await run(['import', path.join(root, 'team.json'), '--yes'])).status).toBe(0);
    expect(registry().models['team-v1']?.status).toBe('pending');
  });

  it('serve: the headless server of npm run serve, stopped cleanly by Ctrl-C', async () => {
    const help = await run(['serve', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--allow-workspace-switch');
    const serve = start(['serve', '--workspace', ws, '--ollama', fake.url, '--port', '0', '--data-dir', path.join(root, 'data'), '--token', 'cli-test-token-0123456789']);
    await expect.poll(() => /Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=/.exec(serve.output())?.[1], { timeout: 15_000 }).toBeTruthy();
    const origin = /Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=/.exec(serve.output())?.[1] ?? '';
    const models = await fetch(`${origin}/admin/models`, { headers: { Authorization: 'Bearer cli-test-token-0123456789' } });
    expect(models.status).toBe(200);
    serve.child.kill('SIGINT');
    expect((await serve.exited).status).toBe(0);
  });
});
