import { startControlServer } from './control-server';
import { FakeOllama, type FakeOllamaOptions } from './fake-ollama';

/**
 * A fake Ollama for tests and manual runs: a real HTTP server answering the Ollama API as Ollama
 * does (status codes, error bodies, NDJSON streams), plus a control API on a second port.
 *
 *   const fake = await startFakeOllama({ models: [LLAMA3], library: [QWEN3_30B] });
 *   … new Ollama({ host: fake.url }) …
 *   await fake.close();
 */
export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const fake = new FakeOllama(options);
  await fake.listen();
  try {
    fake.controlListener = await startControlServer(fake, options.controlPort ?? 0);
  } catch (error) {
    await fake.close();
    throw error;
  }
  return fake;
}

/**
 * Several independent fakes at once (one per Ollama host), each with its own models, library,
 * latency, faults and request log: `const [local, gpu, ci] = await startFakeOllamas([{…}, {…}, {…}])`.
 */
export async function startFakeOllamas(options: readonly FakeOllamaOptions[]): Promise<FakeOllama[]> {
  const started = await Promise.allSettled(options.map((o) => startFakeOllama(o)));
  const fakes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(fakes.map((f) => f.close()));
    throw failed.reason;
  }
  return fakes;
}

export { DEFAULT_VERSION, FakeOllama, type FakeOllamaOptions } from './fake-ollama';
export type { ReplyRule } from './reply-rules';
export { GEMMA3_12B, GPT_OSS_CLOUD, HF_LIBRARY, HF_LLAMA32_1B_F16, HF_LLAMA32_1B_Q4_K_M, HF_LLAMA32_1B_Q8_0, LLAMA3, LLAMA31_8B, LLAMA32_FP16, PRESETS, PROPERTY_MANAGER_V1, QWEN3_30B, QWEN3_8B, type Preset } from './presets';
export type {
  CancelledRequest,
  ChatSettings,
  DropFault,
  FailMidStreamFault,
  FailNextFault,
  FakeModelSeed,
  HangFault,
  PullSettings,
  RecordedRequest,
} from './types';
