/**
 * A second program on the same workspace, for the multi-process tests: opens its own
 * RegistryStore (watching the folder, as the app does) and writes as fast as it can. Prints one
 * JSON line: what was acknowledged. Usage: tsx writer-process.ts '<json WriterPlan>'.
 */
import { RegistryStore } from '../../../src/main/registry/store';
import { newModel, type WriterPlan, type WriterReport } from './multi-writer';

const plan = JSON.parse(process.argv[2] ?? '{}') as WriterPlan;
const store = new RegistryStore({ workspace: plan.workspace, watchDebounceMs: 20, log: () => {} });
const report: WriterReport = { id: plan.id, added: [], lastPut: null, errors: [] };

async function attempt(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    report.errors.push(String((error as Error).message ?? error).slice(0, 200));
    return false;
  }
}

const own = `w${plan.id}/own:v1`;
await attempt(() => store.addModel(newModel(own)));
const adds = (async () => {
  for (let i = 0; i < plan.adds; i++) {
    const name = `w${plan.id}/m-${i}:v1`;
    if (await attempt(() => store.addModel(newModel(name)))) report.added.push(name);
  }
})();
const puts = (async () => {
  for (let i = 0; i < plan.puts; i++) {
    const value = `put ${i}`;
    if (await attempt(() => store.updateModel(own, { description: value }))) report.lastPut = value;
  }
})();
await Promise.all([adds, puts]);
store.close();
process.stdout.write(`${JSON.stringify(report)}\n`);
