import { describe, expect, it } from 'vitest';
import { compactFacts, modelFacts, numCtxParameter, serverDefaultContext, type FactsSource } from '../../src/shared/model-facts';
import { LLAMA31_8B_INFO, LLAMA31_8B_SIZE } from '../support/models/model-info';

const DIGEST = 'sha256:' + 'a'.repeat(64);

function source(over: Partial<FactsSource> = {}): FactsSource {
  return {
    name: 'llama3.1:8b',
    digest: DIGEST,
    size: LLAMA31_8B_SIZE,
    details: { family: 'llama', parameter_size: '8.0B', quantization_level: 'Q4_K_M' },
    show: { modelInfo: LLAMA31_8B_INFO, parameters: 'stop                           "<|eot_id|>"', capabilities: ['completion', 'tools'] },
    serverVersion: '0.31.0',
    ...over,
  };
}

describe('numCtxParameter', () => {
  it('reads num_ctx from /api/show parameters, the last one winning', () => {
    expect(numCtxParameter('num_ctx                        8192\ntemperature                    0.7')).toBe(8192);
    expect(numCtxParameter('num_ctx 2048\nnum_ctx 16384')).toBe(16384);
    expect(numCtxParameter('stop                           "<|eot_id|>"')).toBeNull();
  });
});

describe('modelFacts', () => {
  it('takes architecture, parameter count, trained context and capabilities from /api/show', () => {
    const facts = modelFacts(source());
    expect(facts).toMatchObject({
      architecture: 'llama',
      parameterCount: 8_030_261_312,
      parameterSize: '8.0B',
      quantization: 'Q4_K_M',
      fileSize: LLAMA31_8B_SIZE,
      trainedContext: 131_072,
      capabilities: ['completion', 'tools'],
      cloud: false,
      remote: null,
    });
  });

  it('runs with the Modelfile num_ctx and says so', () => {
    const facts = modelFacts(source({ show: { ...source().show!, parameters: 'num_ctx                        8192' } }));
    expect(facts.context).toEqual({ tokens: 8192, source: 'modelfile', explanation: '8192, from PARAMETER num_ctx in its Modelfile' });
  });

  it('caps a num_ctx above the trained context, as Ollama does', () => {
    const facts = modelFacts(source({ show: { ...source().show!, parameters: 'num_ctx 200000' } }));
    expect(facts.context.tokens).toBe(131_072);
    expect(facts.context.explanation).toMatch(/asks for 200000/);
  });

  it('states the VRAM-tier rule without a number when the server picks by GPU memory (0.15.5+)', () => {
    const facts = modelFacts(source());
    expect(facts.context.source).toBe('server-default');
    expect(facts.context.tokens).toBeNull();
    expect(facts.context.explanation).toMatch(/4096 on GPUs under 24 GiB, 32768 up to 48 GiB, 262144 above/);
  });

  it('gives the fixed default of older servers, capped at the trained context', () => {
    expect(serverDefaultContext('0.12.0', 131_072).tokens).toBe(4096);
    expect(serverDefaultContext('0.6.5', 131_072).tokens).toBe(2048);
    expect(serverDefaultContext('0.12.0', 2048).tokens).toBe(2048);
    expect(serverDefaultContext(null, null).tokens).toBeNull();
    expect(serverDefaultContext('0.0.0', null).tokens).toBeNull();
  });

  it('falls back to /api/tags when /api/show could not be asked', () => {
    const facts = modelFacts(source({ show: null, capabilities: ['completion', 'vision'], details: { family: 'gemma3', context_length: 131_072, parameter_size: '12.2B' } }));
    expect(facts).toMatchObject({ architecture: 'gemma3', trainedContext: 131_072, capabilities: ['completion', 'vision'], parameterCount: null });
  });

  it('marks a cloud model by its remote host, and by its name when show is missing', () => {
    const cloud = modelFacts(
      source({ name: 'gpt-oss:120b-cloud', show: { modelInfo: {}, parameters: '', capabilities: ['completion'], remoteHost: 'https://ollama.com:443', remoteModel: 'gpt-oss:120b' } }),
    );
    expect(cloud).toMatchObject({ cloud: true, remote: { host: 'https://ollama.com:443', model: 'gpt-oss:120b' } });
    expect(modelFacts(source({ name: 'qwen3-coder:480b-cloud', show: null })).cloud).toBe(true);
  });
});

describe('compactFacts', () => {
  it('joins what is known: params · quant · ctx', () => {
    expect(compactFacts(modelFacts(source({ show: { ...source().show!, parameters: 'num_ctx 8192' } })))).toBe('8.0B · Q4_K_M · ctx 8192');
    expect(compactFacts(modelFacts(source()))).toBe('8.0B · Q4_K_M · ctx ≤ 131072');
  });
});
