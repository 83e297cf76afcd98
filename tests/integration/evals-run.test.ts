import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRecordSchema } from '../../src/shared/eval/run-record';
import { newestRegression, verdictsByModel } from '../../src/shared/eval/run-verdict';
import { failure } from './lifecycle-fixtures';
import { FAMILY, MODELFILE_V1, REPLY_RULES, MODELFILE_V2, MODELFILE_V2_BUILT, runAndWait, sha256, startEvalWorld, V1, V2, type EvalWorld } from './evals-fixtures';

let world: EvalWorld;

beforeEach(async () => {
  world = await startEvalWorld();
});

afterEach(async () => {
  await world.close();
});

function runFileOf(runId: string): string {
  return path.join(world.ws, 'evals', 'runs', 'support-bot', `${runId}.json`);
}

describe('an evaluation run over two versions', () => {
  it('finds the case v2 regressed on and the one it improved on, and saves what it found', async () => {
    const { runId, job } = await runAndWait(world, { models: [V1, V2] });
    expect(job.state).toBe('succeeded');
    expect(job.kind).toBe('eval');
    expect(job.target).toBe(FAMILY);

    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    expect(run.state).toBe('completed');
    expect(run.results).toHaveLength(6);
    // One case at a time per model, models in the order given.
    expect(run.results.map((r) => `${r.model}/${r.caseId}`)).toEqual([
      `${V1}/greets`,
      `${V1}/refunds`,
      `${V1}/json-status`,
      `${V2}/greets`,
      `${V2}/refunds`,
      `${V2}/json-status`,
    ]);
    const [v1, v2] = verdictsByModel(run);
    expect(v1).toMatchObject({ model: V1, passed: 2, failed: 1 });
    expect(v2).toMatchObject({ model: V2, passed: 2, failed: 1, regressions: ['greets'], improvements: ['refunds'] });
    expect(newestRegression(run)).toEqual({ newest: V2, previous: V1, caseIds: ['greets'] });

    const greets = run.results.find((r) => r.model === V2 && r.caseId === 'greets');
    expect(greets?.output).toBe('Welcome.');
    expect(greets?.checks[0]).toMatchObject({ kind: 'contains', passed: false });
    expect(greets?.outputTokens).toBeGreaterThan(0);
    expect(greets?.promptTokens).toBeGreaterThan(0);
    expect(greets?.tokensPerSecond).toBeGreaterThan(0);
    expect(greets?.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(greets?.totalMs).toBeGreaterThanOrEqual(greets?.timeToFirstTokenMs ?? 0);
  });

  it('re-opens the saved run exactly as the run produced it', async () => {
    const { runId } = await runAndWait(world, { models: [V1, V2] });
    const first = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    const onDisk = runRecordSchema.parse(JSON.parse(fs.readFileSync(runFileOf(runId), 'utf8')));
    expect(onDisk).toEqual(first);
    expect(await world.services.handlers['evals.readRun']({ family: FAMILY, runId })).toEqual(first);
    const summaries = await world.services.handlers['evals.runs']({ family: FAMILY });
    expect(summaries.map((s) => s.id)).toEqual([runId]);
    expect(summaries[0]).toMatchObject({ state: 'completed', caseCount: 3, ollamaVersion: '0.18.0' });
    // The final state was announced.
    expect(world.runEvents.at(-1)).toEqual({ family: FAMILY, runId, state: 'completed', done: 6, total: 6 });
  });

  it('writes a file that alone says which server, digests, Modelfiles and options produced each output', async () => {
    const { runId } = await runAndWait(world, { models: [V1, V2, 'llama3'] });
    const raw = JSON.parse(fs.readFileSync(runFileOf(runId), 'utf8')) as Record<string, unknown>;
    const run = runRecordSchema.parse(raw);
    const tags = world.fake.tags() as Array<{ name: string; digest: string }>;
    const digest = (name: string) => tags.find((t) => t.name === name)?.digest;
    expect(run.ollama).toEqual({ host: world.fake.url, version: '0.18.0' });
    expect(run.models).toEqual([
      { name: V1, role: 'version', version: 1, digest: digest(`${V1}:latest`), modelfile: 'models/Modelfile.v1', builtFromSha256: sha256(MODELFILE_V1), modelfileSha256: sha256(MODELFILE_V1) },
      // Edited since it was built: the two hashes differ, and the file says so.
      { name: V2, role: 'version', version: 2, digest: digest(`${V2}:latest`), modelfile: 'models/Modelfile.v2', builtFromSha256: sha256(MODELFILE_V2_BUILT), modelfileSha256: sha256(MODELFILE_V2) },
      { name: 'llama3', role: 'base', version: null, digest: digest('llama3:latest'), modelfile: null, builtFromSha256: null, modelfileSha256: null },
    ]);
    expect(run.options).toEqual({ temperature: 0, seed: 42, think: false });
    expect(run.promptSet.path).toBe('evals/support-bot.yaml');
    expect(run.promptSet.sha256).toBe(sha256(fs.readFileSync(path.join(world.ws, 'evals/support-bot.yaml'), 'utf8')));
    for (const result of run.results) {
      expect(result.request.options).toMatchObject({ temperature: 0, seed: 42 });
      expect(result.request.think).toBe(false);
    }
    // What the fake received is what the file says was sent.
    const sent = world.fake.requestsTo('/api/chat').map((r) => r.body as Record<string, unknown>);
    expect(sent).toHaveLength(9);
    expect(sent[0]).toMatchObject({ model: V1, think: false, options: { temperature: 0, seed: 42 }, messages: run.results[0]?.request.messages });
  });

  it('is cancelled midway within a second, keeping the finished cases in a file marked cancelled', async () => {
    world.fake.setReplies([{ model: V1, when: 'money back', text: 'Slowly…', delayMs: 20_000 }, { text: 'Hello' }]);
    const { jobId, runId } = await world.services.handlers['evals.start']({ family: FAMILY, models: [V1, V2] });
    await new Promise<void>((resolve) => {
      const check = () => (world.runEvents.some((e) => e.runId === runId && e.done === 1) ? resolve() : setTimeout(check, 10));
      check();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const asked = performance.now();
    const job = await world.services.handlers['jobs.cancel']({ id: jobId });
    const took = performance.now() - asked;
    expect(job.state).toBe('cancelled');
    expect(took).toBeLessThan(1_000);
    const run = runRecordSchema.parse(JSON.parse(fs.readFileSync(runFileOf(runId), 'utf8')));
    expect(run.state).toBe('cancelled');
    expect(run.finishedAt).not.toBeNull();
    expect(run.results.map((r) => `${r.model}/${r.caseId}`)).toEqual([`${V1}/greets`]);
    expect(world.runEvents.at(-1)).toMatchObject({ runId, state: 'cancelled', done: 1, total: 6 });
  });

  it('shows progress as case k of n per model on the job', async () => {
    // Slow enough that the coalesced job updates (about ten a second) catch cases under way.
    world.fake.setReplies(REPLY_RULES.map((rule) => ({ ...rule, delayMs: 150 })));
    const statuses: string[] = [];
    world.services.bus.subscribe((event, payload) => {
      const job = payload as { id?: string; progress?: { status: string; completed: number | null; total: number | null } | null };
      if (event === 'job.updated' && job.progress) statuses.push(`${job.progress.status} ${job.progress.completed}/${job.progress.total}`);
    });
    const began = performance.now();
    const { job, runId } = await runAndWait(world, { models: [V1, V2] });
    const seconds = (performance.now() - began) / 1000;
    expect(job.steps.map((s) => s.status)).toEqual([`Evaluating ${V1}`, `Evaluating ${V2}`]);
    // evals.runChanged is coalesced: about four a second at most, the final state always last.
    const announced = world.runEvents.filter((e) => e.runId === runId);
    expect(announced.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
    expect(announced.at(-1)).toMatchObject({ state: 'completed', done: 6 });
    expect(statuses.some((s) => /^case [1-3] of 3 · support-bot-v[12] [0-5]\/6$/.test(s))).toBe(true);
    expect(job.progress).toMatchObject({ completed: 6, total: 6 });
  });

  it('re-runs only the chosen cases and records which run it re-ran', async () => {
    const first = await runAndWait(world, { models: [V1, V2] });
    const again = await runAndWait(world, { models: [V1, V2], caseIds: ['greets'], rerunOf: first.runId });
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId: again.runId });
    expect(run.rerunOf).toBe(first.runId);
    expect(run.cases.map((c) => c.id)).toEqual(['greets']);
    expect(run.results).toHaveLength(2);
    const runs = await world.services.handlers['evals.runs']({ family: FAMILY });
    expect(runs.map((r) => r.id)).toEqual([again.runId, first.runId]);
  });

  it('records a case Ollama refuses and goes on with the next', async () => {
    world.fake.failNext({ path: '/api/chat', status: 500, error: 'model runner crashed' });
    const { runId, job } = await runAndWait(world, { models: [V1] });
    expect(job.state).toBe('succeeded');
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    expect(run.results).toHaveLength(3);
    expect(run.results[0]?.error).toMatchObject({ kind: 'ollama' });
    expect(run.results[0]?.error?.message).toContain('model runner crashed');
    expect(run.results[0]?.passed).toBe(false);
    expect(run.results[1]?.error).toBeNull();
  });

  it('fails the run when Ollama goes away, keeping what finished', async () => {
    world.fake.setReplies([{ model: V1, when: 'money back', text: 'Slowly…', delayMs: 20_000 }, { text: 'Hello' }]);
    const { jobId, runId } = await world.services.handlers['evals.start']({ family: FAMILY, models: [V1] });
    await new Promise<void>((resolve) => {
      const check = () => (world.runEvents.some((e) => e.runId === runId && e.done === 1) ? resolve() : setTimeout(check, 10));
      check();
    });
    await world.fake.setOffline(true);
    const job = await world.services.jobs.whenDone(jobId);
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/Ollama/);
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/Ollama/);
    expect(run.results).toHaveLength(1);
  });

  it('grades rubric cases with a judge through a JSON-schema format, apart from the checks', async () => {
    const file = await world.services.handlers['evals.readSet']({ family: FAMILY });
    const withRubric = file.text.replace('    prompt: Greet a new customer.\n', '    prompt: Greet a new customer.\n    rubric: Warm and short.\n');
    await world.services.handlers['evals.saveSet']({ family: FAMILY, text: withRubric, baseSha256: file.sha256 });
    world.fake.setReplies([{ model: 'llama3', text: '{"score": 2, "pass": false, "reason": "Too curt."}' }, ...REPLY_RULES]);
    const { runId } = await runAndWait(world, { models: [V1], judge: 'llama3' });
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    expect(run.judge).toMatchObject({ name: 'llama3' });
    const greets = run.results.find((r) => r.caseId === 'greets');
    expect(greets?.grade).toEqual({ judge: 'llama3', score: 2, pass: false, reason: 'Too curt.', error: null });
    // The judge said no; the deterministic checks still decide `passed`.
    expect(greets?.passed).toBe(true);
    expect(run.results.find((r) => r.caseId === 'refunds')?.grade).toBeNull();
    const judged = world.fake.requestsTo('/api/chat').map((r) => r.body as Record<string, unknown>).filter((b) => b.model === 'llama3');
    expect(judged).toHaveLength(1);
    expect(judged[0]).toMatchObject({ think: false, format: { type: 'object', required: ['score', 'pass', 'reason'] } });
  });

  it('keeps a grade that does not parse as an error, never as a pass', async () => {
    const file = await world.services.handlers['evals.readSet']({ family: FAMILY });
    const withRubric = file.text.replace('    prompt: Greet a new customer.\n', '    prompt: Greet a new customer.\n    rubric: Warm and short.\n');
    await world.services.handlers['evals.saveSet']({ family: FAMILY, text: withRubric, baseSha256: file.sha256 });
    world.fake.setReplies([{ model: 'llama3', text: 'I think it is fine' }, ...REPLY_RULES]);
    const { runId } = await runAndWait(world, { models: [V1], judge: 'llama3' });
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    const grade = run.results.find((r) => r.caseId === 'greets')?.grade;
    expect(grade).toMatchObject({ judge: 'llama3', score: null, pass: null });
    expect(grade?.error).toMatch(/judge/);
  });

  it('saves a run cut short by the app closing as interrupted, with what finished', async () => {
    world.fake.setReplies([{ model: V1, when: 'money back', text: 'Slowly…', delayMs: 20_000 }, { text: 'Hello' }]);
    const { runId } = await world.services.handlers['evals.start']({ family: FAMILY, models: [V1] });
    await new Promise<void>((resolve) => {
      const check = () => (world.runEvents.some((e) => e.runId === runId && e.done === 1) ? resolve() : setTimeout(check, 10));
      check();
    });
    await world.services.jobs.shutdown();
    const run = runRecordSchema.parse(JSON.parse(fs.readFileSync(runFileOf(runId), 'utf8')));
    expect(run.state).toBe('interrupted');
    expect(run.error).toMatch(/app was closed/);
    expect(run.results).toHaveLength(1);
  });

  it('refuses to start while Ollama is offline, writing no run', async () => {
    await world.fake.setOffline(true);
    const error = await failure(world.services.handlers['evals.start']({ family: FAMILY, models: [V1] }));
    expect(error.kind).toBe('offline');
    expect(error.message).toContain('Ollama');
    expect(fs.existsSync(path.join(world.ws, 'evals', 'runs'))).toBe(false);
  });

  it('refuses, before starting, a model Ollama does not have, naming it', async () => {
    const error = await failure(world.services.handlers['evals.start']({ family: FAMILY, models: [V1, 'support-bot-v3'] }));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('"support-bot-v3"');
    expect(error.message).toMatch(/[Cc]reate it .*or pull it/);
    expect(error.issues?.[0]?.path).toBe('models[1]');
    expect(fs.existsSync(path.join(world.ws, 'evals', 'runs'))).toBe(false);
  });

  it('reads a run left running by a process that died as interrupted', async () => {
    const { runId } = await runAndWait(world, { models: [V1] });
    const file = runFileOf(runId);
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const crashedId = '2026-01-02T03-04-05-006Z-abcd';
    fs.writeFileSync(path.join(path.dirname(file), `${crashedId}.json`), JSON.stringify({ ...raw, id: crashedId, state: 'running', finishedAt: null }));
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId: crashedId });
    expect(run.state).toBe('interrupted');
    expect(run.error).toMatch(/stopped before it finished/);
    expect(run.results).toHaveLength(3);
  });

  it('names the file when a run file is broken', async () => {
    const { runId } = await runAndWait(world, { models: [V1] });
    fs.writeFileSync(runFileOf(runId), '{"format": 1, "id": ');
    const error = await failure(world.services.handlers['evals.readRun']({ family: FAMILY, runId }));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain(`evals/runs/support-bot/${runId}.json is not valid JSON`);
    // The list leaves it out rather than failing.
    expect(await world.services.handlers['evals.runs']({ family: FAMILY })).toEqual([]);
  });
});

describe('a matches check whose pattern backtracks for ever', () => {
  it('fails that check with the reason and lets the run finish, instead of freezing the app', async () => {
    const runaway = `family: support-bot
cases:
  - id: runaway
    prompt: Greet a new customer.
    checks:
      - matches: '^(\\w+\\s?)*$'
      - contains: Hello
`;
    fs.writeFileSync(path.join(world.ws, 'evals', 'support-bot.yaml'), runaway);
    // A reply that makes the pattern try every way of splitting 40 words before failing at the "!".
    world.fake.setReplies([{ when: 'Greet', text: `${'Hello there '.repeat(20)}!` }]);
    const { runId, job } = await runAndWait(world, { models: [V1] });
    expect(job.state).toBe('succeeded');
    const run = await world.services.handlers['evals.readRun']({ family: FAMILY, runId });
    const [pattern, contains] = run.results[0]?.checks ?? [];
    expect(pattern).toMatchObject({ kind: 'matches', passed: false, detail: expect.stringContaining('stopped after 1 s') as unknown });
    expect(contains).toMatchObject({ kind: 'contains', passed: true });
  }, 20_000);
});
