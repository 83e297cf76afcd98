import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HF_LIBRARY, startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';
import { ndjson, post, type Json } from '../support/fake-ollama/test-http';

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ library: HF_LIBRARY, pull: { steps: 3, stepMs: 0 } });
});
afterEach(async () => {
  await fake.close();
});

const REPO = 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF';
const statuses = (lines: Json[]): string[] => lines.map((l) => String(l.status ?? `error: ${String(l.error)}`));

describe('fake Ollama and Hugging Face names', () => {
  it('pulls a known hf.co name with progress, listed under the name asked for', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/pull`, { model: `${REPO}:Q8_0` }));
    expect(lines[0]).toEqual({ status: 'pulling manifest' });
    expect(lines.some((l) => typeof l.total === 'number' && l.digest)).toBe(true);
    expect(lines.at(-1)).toEqual({ status: 'success' });
    expect(fake.tags().map((m) => m.name)).toEqual([`${REPO}:Q8_0`]);
    expect(fake.model(`${REPO}:Q8_0`)?.quantizationLevel).toBe('Q8_0');
  });

  it('pulls Q4_K_M for no tag, keeps :latest as the name, and matches the quant case-insensitively', async () => {
    expect((await ndjson(await post(`${fake.url}/api/pull`, { model: REPO }))).at(-1)).toEqual({ status: 'success' });
    expect((await ndjson(await post(`${fake.url}/api/pull`, { model: 'huggingface.co/bartowski/llama-3.2-1b-instruct-gguf:f16' }))).at(-1)).toEqual({
      status: 'success',
    });
    expect(fake.tags().map((m) => m.name).sort()).toEqual([`${REPO}:latest`, 'huggingface.co/bartowski/llama-3.2-1b-instruct-gguf:f16']);
    expect(fake.model(`${REPO}:latest`)?.quantizationLevel).toBe('Q4_K_M');
    expect(fake.model('huggingface.co/bartowski/llama-3.2-1b-instruct-gguf:f16')?.quantizationLevel).toBe('F16');
  });

  it('pulls the same bytes through huggingface.co as through hf.co', async () => {
    await ndjson(await post(`${fake.url}/api/pull`, { model: `${REPO}:F16` }));
    const again = await ndjson(await post(`${fake.url}/api/pull`, { model: 'huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF:F16' }));
    const tags = fake.tags();
    expect(tags).toHaveLength(2);
    expect(tags[0]?.digest).toBe(tags[1]?.digest);
    // Every layer was already there: each arrives whole in one line.
    const layers = again.filter((l) => l.digest);
    expect(layers.every((l) => l.completed === l.total)).toBe(true);
  });

  it.each([`${REPO}:Q5_K_M`, 'hf.co/nobody/no-such-repo', 'hf.co/nobody/no-such-repo:Q4_K_M'])('fails %s after "pulling manifest" as Ollama does', async (model) => {
    const lines = await ndjson(await post(`${fake.url}/api/pull`, { model }));
    expect(lines).toEqual([{ status: 'pulling manifest' }, { error: 'pull model manifest: file does not exist' }]);
    const quiet = await post(`${fake.url}/api/pull`, { model, stream: false });
    expect(quiet.status).toBe(500);
  });

  it('creates from an hf.co F16 base with quantize, pulling the base inside the create', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/create`, { model: 'tiny', from: `${REPO}:F16`, quantize: 'Q4_K_M' }));
    const steps = statuses(lines);
    expect(steps[0]).toBe('pulling manifest');
    // The pull's own success comes in the middle; quantizing follows it; the stream ends with success.
    const pulled = steps.indexOf('success');
    const quantizing = steps.indexOf('quantizing F16 model to Q4_K_M');
    expect(pulled).toBeGreaterThan(0);
    expect(quantizing).toBeGreaterThan(pulled);
    expect(steps.at(-1)).toBe('success');
    expect(fake.model('tiny')?.quantizationLevel).toBe('Q4_K_M');
    expect(fake.model('tiny')?.createRequest).toMatchObject({ quantize: 'Q4_K_M', from: `${REPO}:F16` });
  });

  it('refuses to quantize an hf.co Q4_K_M base with Ollama’s message, after the pull lines', async () => {
    const lines = await ndjson(await post(`${fake.url}/api/create`, { model: 'tiny', from: REPO, quantize: 'q8_0' }));
    expect(lines.at(-1)).toEqual({ error: 'quantization is only supported for F16, BF16 and F32 models' });
    expect(fake.hasModel('tiny')).toBe(false);
  });
});
