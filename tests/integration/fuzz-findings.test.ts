import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rpc } from './http-fixtures';
import { startServedWorld, type ServedWorld } from './served-world';

/**
 * Inputs the fuzz tests found answered with a server error: each is now the caller's 400 that
 * names the field (and nothing reaches Ollama or the file system that they would refuse).
 */

let world: ServedWorld;
beforeAll(async () => {
  world = await startServedWorld();
});
afterAll(async () => {
  await world.close();
});

interface Envelope {
  ok: boolean;
  error?: { kind: string; message: string; issues?: { path: string; message: string }[] };
}

describe('inputs the fuzz found', () => {
  it.each([
    ['ollama.show', { model: 'm{o' }, 'model'],
    ['ollama.show', { model: ' ' }, 'model'],
    ['ollama.load', { model: 'x'.repeat(100_000) }, 'model'],
    ['ollama.unload', { model: '../x' }, 'model'],
    ['models.pull', { model: 'a b' }, 'model'],
    ['models.adoptProposal', { name: '\\\\server\\share\\x' }, 'name'],
    ['models.adopt', { name: 'L-orS}+BwQ', display_name: 'x' }, 'name'],
  ])('%s with an invalid Ollama model name is a 400 naming the field, not Ollama\'s 400 as a 502', async (call, input, field) => {
    // The connection monitor's /api/version probes are not the call under test.
    const calls = () => world.fake.requests.filter((r) => r.path !== '/api/version').length;
    const before = calls();
    const res = await rpc(world.server, call, input);
    expect(res.status).toBe(400);
    const body = res.json() as Envelope;
    expect(body.error?.kind).toBe('validation');
    expect(body.error?.issues?.[0]?.path).toBe(field);
    expect(body.error?.issues?.[0]?.message).toContain('not a valid Ollama model name');
    expect(calls()).toBe(before);
  });

  it.each([
    ['modelfile.write', { path: 'x'.repeat(150_000), content: 'FROM x\n', expectedSha256: null }],
    ['modelfile.read', { path: `models/${'y'.repeat(300)}` }],
  ])('%s with a path too long for the file system is a 400, not ENAMETOOLONG as a 500', async (call, input) => {
    const res = await rpc(world.server, call, input);
    expect(res.status).toBe(400);
    const body = res.json() as Envelope;
    expect(body.error?.kind).toBe('validation');
    expect(body.error?.message).toMatch(/longer than/);
    expect(body.error?.issues?.[0]?.path).toBe('path');
  });
});
