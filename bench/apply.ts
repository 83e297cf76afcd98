/**
 * What planning and applying cost over what they cannot avoid.
 *
 *   npx tsx bench/apply.ts [rounds] [plan|apply]
 *
 * 1. Plan: a registry of 1,000 models (each with its own Modelfile) against 5 fake Ollamas of
 *    1,000 models each, as a ratio to the bare `ollama.list()` calls it needs (one per host, in
 *    parallel). Rounds interleaved; medians. The first plan reads and hashes every Modelfile
 *    (cold); later ones reuse what did not change (warm: what the hosts view and a CI re-plan see).
 *    Target ≤ 1.5 (warm).
 * 2. Apply: 17 models × 3 fake hosts (51 creates; latencies 10, 20 and 40 ms per request), wall
 *    time as a ratio to the slowest host's own serial time (its creates one after another).
 *    Target ≤ 1.2: the hosts really run in parallel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ollama } from 'ollama';
import { DeployService } from '../src/main/deploy/deploy-service';
import { createAppServices, type AppServices } from '../src/main/services/app-services';
import { testHostPool } from '../tests/support/deploy/test-host-pool';
import { startFakeOllama, type FakeOllama } from '../tests/support/fake-ollama/index';

const ROUNDS = Number(process.argv[2] ?? 9);
const PLAN_MODELS = 1_000;
const PLAN_HOSTS = 5;
const APPLY_MODELS = 17;
const APPLY_LATENCIES = [10, 20, 40];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function writeWorkspace(dir: string, count: number): void {
  fs.mkdirSync(path.join(dir, 'models'), { recursive: true });
  const models: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const name = `bench/model-${i}:v1`;
    const modelfile = `models/Modelfile.${i}`;
    fs.writeFileSync(path.join(dir, modelfile), `FROM llama3:latest\nPARAMETER temperature 0.${i % 10}\nSYSTEM """\nYou are bench model ${i}.\n"""\n`);
    models[name] = { name, display_name: `Bench ${i}`, description: '', version: 'v1', base_model: 'llama3:latest', modelfile, show_in_ui: true, auto_preload: false, status: 'pending' };
  }
  const registry = { default_model: null, models, base_models: { 'llama3:latest': { display_name: 'Llama 3', description: '', status: 'available' } } };
  fs.writeFileSync(path.join(dir, 'model_settings.json'), `${JSON.stringify(registry, null, 2)}\n`);
}

async function servicesFor(ws: string, dataDir: string, primaryUrl: string): Promise<AppServices> {
  return createAppServices({ mode: 'headless', dataDir, defaultWorkspace: ws, workspace: ws, ollamaHost: primaryUrl, env: {}, appVersion: 'bench', passive: true, templateDir: ws });
}

async function benchPlan(): Promise<void> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-plan-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-plan-data-'));
  writeWorkspace(ws, PLAN_MODELS);
  const seeds = Array.from({ length: PLAN_MODELS }, (_, i) => ({ name: `bench/model-${i}:v1` }));
  const fakes: FakeOllama[] = [];
  for (let h = 0; h < PLAN_HOSTS; h++) fakes.push(await startFakeOllama({ models: [{ name: 'llama3:latest' }, ...seeds.filter((_, i) => (i + h) % 3 !== 0)] }));
  const services = await servicesFor(ws, dataDir, fakes[0]!.url);
  const pool = testHostPool(fakes.map((fake, i) => ({ name: `h${i}`, url: fake.url, primary: i === 0 })));
  const deploy = new DeployService({ hosts: () => pool, session: () => services.session(), jobs: services.jobs });
  const clients = fakes.map((fake) => new Ollama({ host: fake.url }));
  try {
    const cold = await time(() => deploy.plan({ prune: false }));
    const { plan } = await deploy.plan({ prune: false });
    for (let i = 0; i < 3; i++) await Promise.all(clients.map((c) => c.list()));
    const bare: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await time(() => Promise.all(clients.map((c) => c.list()))));
      warm.push(await time(() => deploy.plan({ prune: false })));
    }
    const b = median(bare);
    const w = median(warm);
    const online = plan.hosts.filter((h) => h.online).length;
    console.log(`plan: ${PLAN_MODELS} models × ${PLAN_HOSTS} hosts (${online} answered), ${plan.changes} changes planned`);
    console.log(`  bare list() × ${PLAN_HOSTS} (parallel): ${b.toFixed(1)} ms (median of ${ROUNDS})`);
    console.log(`  plan, warm: ${w.toFixed(1)} ms → ratio ${(w / b).toFixed(2)} (target ≤ 1.5)`);
    console.log(`  plan, cold (first, reads and hashes 1,000 Modelfiles): ${cold.toFixed(1)} ms → ratio ${(cold / b).toFixed(2)}`);
  } finally {
    await services.stop();
    await Promise.all(fakes.map((f) => f.close()));
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchApply(): Promise<void> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-apply-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-apply-data-'));
  writeWorkspace(ws, APPLY_MODELS);
  const llama = { name: 'llama3:latest' };
  const primary = await startFakeOllama({ models: [llama] });
  const hosts = await Promise.all(APPLY_LATENCIES.map(() => startFakeOllama({ models: [llama] })));
  APPLY_LATENCIES.forEach((ms, i) => hosts[i]!.setLatency(ms));
  const services = await servicesFor(ws, dataDir, primary.url);
  const pool = testHostPool([{ name: 'primary', url: primary.url, primary: true }, ...hosts.map((fake, i) => ({ name: `h${i}`, url: fake.url }))]);
  const deploy = new DeployService({ hosts: () => pool, session: () => services.session(), jobs: services.jobs });
  const names = Object.keys(services.session().store.get().registry.models);
  const reset = async () => {
    for (const fake of hosts) {
      const latency = fake.state().latencyMs as number;
      await fake.reset();
      fake.setLatency(latency);
    }
    await services.session().store.update((draft) => {
      delete draft.deployments;
    });
  };
  try {
    const slowest = APPLY_LATENCIES.indexOf(Math.max(...APPLY_LATENCIES));
    const serial: number[] = [];
    const parallel: number[] = [];
    const rounds = Math.max(3, Math.ceil(ROUNDS / 3));
    for (let round = 0; round < rounds; round++) {
      await reset();
      serial.push(
        await time(async () => {
          for (const name of names) {
            const job = deploy.deployVersion({ name, host: `h${slowest}` });
            const done = await services.jobs.whenDone(job.id);
            if (done.state !== 'succeeded') throw new Error(`serial create failed: ${done.error}`);
          }
        }),
      );
      await reset();
      parallel.push(
        await time(async () => {
          const { job, plan } = await deploy.apply({ hosts: hosts.map((_, i) => `h${i}`), prune: false });
          if (plan.changes !== names.length * hosts.length) throw new Error(`expected ${names.length * hosts.length} creates, planned ${plan.changes}`);
          const done = job ? await services.jobs.whenDone(job.id) : null;
          if (done?.state !== 'succeeded') throw new Error(`apply failed: ${done?.error}`);
        }),
      );
    }
    const s = median(serial);
    const p = median(parallel);
    console.log(`apply: ${names.length * hosts.length} creates over ${hosts.length} hosts (latency ${APPLY_LATENCIES.join('/')} ms per request)`);
    console.log(`  slowest host's serial time (${names.length} creates one after another): ${s.toFixed(0)} ms (median of ${rounds})`);
    console.log(`  apply (plan included), all hosts: ${p.toFixed(0)} ms → ratio ${(p / s).toFixed(2)} (target ≤ 1.2)`);
  } finally {
    await services.stop();
    await Promise.all([primary, ...hosts].map((f) => f.close()));
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
const only = process.argv[3];
if (only !== 'apply') await benchPlan();
if (only !== 'plan') await benchApply();
