import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, readLines, type Json } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ library: [LLAMA3, QWEN3_30B], pull: { steps: 5, stepMs: 0 } });
});
afterEach(async () => {
  await fake.close();
});

describe('fake /api/pull', () => {
  it('streams manifest, per-layer progress, verify, write and success, then has the model', async () => {
    const res = await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(res);
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    expect(lines.slice(-3)).toEqual([{ status: 'verifying sha256 digest' }, { status: 'writing manifest' }, { status: 'success' }]);

    const layerLines = lines.filter((l) => String(l.status).startsWith('pulling ') && l.digest);
    for (const line of layerLines) {
      expect(line.status).toBe(`pulling ${String(line.digest).slice(7, 19)}`);
      expect(line.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(typeof line.total).toBe('number');
    }
    const weights = layerLines.filter((l) => l.total === Math.max(...layerLines.map((x) => Number(x.total))));
    expect(weights.length).toBeGreaterThanOrEqual(5);
    // Zero `completed` is omitted, as Go's omitempty does; then it only grows, up to total.
    expect(weights[0]).not.toHaveProperty('completed');
    const completed = weights.slice(1).map((l) => Number(l.completed));
    expect(completed).toEqual([...completed].sort((a, b) => a - b));
    expect(completed[completed.length - 1]).toBe(weights[0]?.total);

    expect(fake.tags().map((m) => m.name)).toEqual(['qwen3:30b']);
  });

  it('accepts the legacy `name` field the npm client sends', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/pull`, { name: 'llama3' }));
    expect(lines[lines.length - 1]).toEqual({ status: 'success' });
    expect(fake.hasModel('llama3:latest')).toBe(true);
  });

  it('reports an unknown model after `pulling manifest`, and with stream:false as a 500', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/pull`, { model: 'nosuch:1b' }));
    expect(lines).toEqual([{ status: 'pulling manifest' }, { error: 'pull model manifest: file does not exist' }]);
    const quiet = await post(`${fake.url}/api/pull`, { model: 'nosuch:1b', stream: false });
    expect(quiet.status).toBe(500);
    expect(await quiet.json()).toEqual({ error: 'pull model manifest: file does not exist' });
  });

  it('answers stream:false with one success object', async () => {
    const res = await post(`${fake.url}/api/pull`, { model: 'llama3', stream: false });
    expect(await res.json()).toEqual({ status: 'success' });
  });

  it('rejects an invalid name with 400', async () => {
    const res = await post(`${fake.url}/api/pull`, { model: '' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid model name' });
  });

  it('resumes an interrupted pull from where it stopped', async () => {
    fake.setPull({ steps: 10, stepMs: 5 });
    const controller = new AbortController();
    const first = await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' }, { signal: controller.signal });
    let stoppedAt = 0;
    let weightsDigest = '';
    await readLines(first, (line) => {
      if (typeof line.completed === 'number' && line.completed < Number(line.total)) {
        stoppedAt = line.completed;
        weightsDigest = String(line.digest);
        if (line.completed > Number(line.total) / 4) {
          controller.abort();
          return true;
        }
      }
      return false;
    });
    expect(stoppedAt).toBeGreaterThan(0);
    expect(fake.hasModel('qwen3:30b')).toBe(false);
    await expect.poll(() => fake.cancellations.map((c) => c.path)).toContain('/api/pull');

    fake.setPull({ stepMs: 0 });
    const second = await ndjson(await post(`${fake.url}/api/pull`, { model: 'qwen3:30b' }));
    const firstWeightsLine = second.find((l: Json) => l.digest === weightsDigest);
    expect(Number(firstWeightsLine?.completed)).toBeGreaterThanOrEqual(stoppedAt);
    expect(Number(firstWeightsLine?.completed)).toBeLessThan(Number(firstWeightsLine?.total));
    expect(second[second.length - 1]).toEqual({ status: 'success' });
  });

  it('reports layers it already has as complete at once', async () => {
    await ndjson(await post(`${fake.url}/api/pull`, { model: 'llama3' }));
    const again = await ndjson(await post(`${fake.url}/api/pull`, { model: 'llama3' }));
    const layerLines = again.filter((l) => l.digest);
    expect(layerLines.length).toBeGreaterThan(0);
    for (const line of layerLines) expect(line.completed).toBe(line.total);
  });
});
