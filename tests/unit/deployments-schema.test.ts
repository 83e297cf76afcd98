import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/shared/registry';

const sha = 'a'.repeat(64);
const entry = { name: 'bot-v1', display_name: 'Bot', status: 'available' };

describe('the registry top-level deployments key', () => {
  it('is read as host → model → record, and a record outlives its entry', () => {
    const result = parseRegistry({
      models: { 'bot-v1': entry },
      deployments: {
        'gpu-box': {
          'bot-v1': { request_sha256: sha, digest: 'sha256:1', deployed_at: '2026-12-03T10:00:00Z' },
          // bot-v0 was deleted from the registry; the record says Modelwright owns it on gpu-box.
          'bot-v0': { request_sha256: sha, digest: 'sha256:0', deployed_at: '2026-12-01T10:00:00Z', note: 'kept' },
        },
      },
    });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(Object.keys(result.data.deployments?.['gpu-box'] ?? {})).toEqual(['bot-v1', 'bot-v0']);
    expect(result.data.deployments?.['gpu-box']?.['bot-v0']).toMatchObject({ digest: 'sha256:0', note: 'kept' });
  });

  it('is optional: a seed registry without it stays without it', () => {
    const result = parseRegistry({ models: { 'bot-v1': entry } });
    expect(result.success && 'deployments' in result.data).toBe(false);
  });

  it('reports a bad record with its path', () => {
    const result = parseRegistry({
      models: {},
      deployments: { local: { 'bot-v1': { request_sha256: 'nope', digest: 'x', deployed_at: 't' } } },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.path).toEqual(['deployments', 'local', 'bot-v1', 'request_sha256']);
  });

  it('keeps a host or model named __proto__ as data', () => {
    const deployments = JSON.parse(`{"__proto__": {"__proto__": {"request_sha256": "${sha}", "digest": "d", "deployed_at": "t"}}}`) as unknown;
    const result = parseRegistry({ models: {}, deployments });
    expect(result.success).toBe(true);
    if (!result.success) return;
    const hosts = result.data.deployments ?? {};
    expect(Object.hasOwn(hosts, '__proto__')).toBe(true);
    expect(Object.hasOwn(hosts['__proto__'] ?? {}, '__proto__')).toBe(true);
  });
});
