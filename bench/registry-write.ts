/**
 * How long one registry write takes as the file grows: `npm run bench:registry-write -- [sizes]`.
 *
 * For each size N (default 1000 and 7000): a workspace whose registry holds N extra top-level keys
 * (as an editor adds them) and one holding N models; then 30 `updateModel` calls through the
 * store (lock, re-read, merge, checks, atomic write), one at a time. Prints the median and the
 * slowest write per case. Target: a write at 7,000 entries under 50 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RegistryStore } from '../src/main/registry/store';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const WRITES = 30;
const SEED = path.resolve(import.meta.dirname, '..', 'models', 'model_settings.json');

function workspaceWith(entries: number, kind: 'keys' | 'models'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-write-'));
  fs.mkdirSync(path.join(dir, 'models'));
  fs.writeFileSync(path.join(dir, 'models', 'Modelfile.x'), 'FROM llama3:latest\n');
  const json = JSON.parse(fs.readFileSync(SEED, 'utf8')) as Record<string, unknown> & { models: Record<string, unknown> };
  for (let i = 0; i < entries; i++) {
    if (kind === 'keys') json[`external_${i}`] = { edited_by: 'editor', n: i };
    else {
      const name = `bench/m-${i}:v1`;
      json.models[name] = { name, display_name: `Model ${i}`, modelfile: 'models/Modelfile.x', base_model: 'llama3:latest', status: 'pending' };
    }
  }
  fs.writeFileSync(path.join(dir, 'model_settings.json'), `${JSON.stringify(json, null, 2)}\n`);
  return dir;
}

async function measure(entries: number, kind: 'keys' | 'models'): Promise<void> {
  const dir = workspaceWith(entries, kind);
  const store = new RegistryStore({ workspace: dir, watch: false, log: () => {} });
  const name = Object.keys(store.get().registry.models)[0]!;
  const times: number[] = [];
  try {
    for (let i = 0; i < WRITES; i++) {
      const started = performance.now();
      await store.updateModel(name, { description: `write ${i}` });
      times.push(performance.now() - started);
    }
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(`${entries} ${kind === 'keys' ? 'top-level keys' : 'models'}: median ${times[times.length >> 1]!.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms (${WRITES} writes)`);
}

for (const n of SIZES.length > 0 ? SIZES : [1000, 7000]) {
  await measure(n, 'keys');
  await measure(n, 'models');
}
