import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { countLosses, runWriterProcess, startEditor } from '../support/registry/multi-writer';

const SEED = path.resolve(import.meta.dirname, '..', '..', 'models', 'model_settings.json');
let ws: string;

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-multi-'));
  fs.mkdirSync(path.join(ws, 'models'));
  fs.copyFileSync(SEED, path.join(ws, 'model_settings.json'));
});
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }));

it('two processes writing one registry while an editor saves in place lose nothing and back up nothing', async () => {
  const editor = startEditor(path.join(ws, 'model_settings.json'), { everyMs: 15, halfPauseMs: 10 });
  const plans = ['a', 'b'].map((id) => ({ workspace: ws, id, adds: 25, puts: 25 }));
  const reports = await Promise.all(plans.map(runWriterProcess));
  const externalKeys = await editor.stop();

  const counts = countLosses(
    ws,
    reports.map((report) => ({ ...report, own: `w${report.id}/own:v1` })),
    externalKeys,
  );
  expect(counts.errors).toEqual([]);
  expect(counts.acknowledgedAdds).toBe(50);
  expect(counts.acknowledgedFinalPuts).toBe(2);
  expect(externalKeys.length).toBeGreaterThan(0);
  expect(counts).toMatchObject({ lostAdds: 0, lostFinalPuts: 0, lostExternalKeys: 0, invalidBackups: 0 });
  expect(fs.existsSync(path.join(ws, 'model_settings.json.lock'))).toBe(false);
}, 60_000);
