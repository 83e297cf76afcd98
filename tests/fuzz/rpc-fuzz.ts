import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, HTTP_RPC_PREFIX, type CallName } from '../../src/shared/contract';
import { inputFor, toJsonText } from './arbitraries';
import { confinedHost, confinedWorkspacePath, FuzzHarness, RUNS, TEST_TIMEOUT_MS } from './fuzz-harness';

/**
 * Every call of the contract, over HTTP against the real services: generated inputs never crash
 * the server, never get a 5xx, are refused with a message that names the field, and a refused
 * input leaves the registry file byte for byte as it was. The table is iterated, so a call added
 * to the contract is fuzzed without touching this file. Not a test file: the calls are split
 * between `rpc-calls-*.test.ts`, which vitest runs in parallel, each on its own server and
 * workspace (one file held most of the long run's work and kept one core idle).
 */

export const SHARDS = 2;

/** The calls of shard `shard` (0-based): every SHARDS-th in the contract's order, which spreads the slow ones. */
export function callsOfShard(shard: number): CallName[] {
  return (Object.keys(calls) as CallName[]).filter((_, i) => i % SHARDS === shard);
}

let harness: FuzzHarness;
let scratch: string;

/** Keeps accepted inputs from reaching outside the test: other folders, other hosts. */
function confine(name: CallName, input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  if (name === 'workspace.open' && Object.hasOwn(record, 'path')) return { ...record, path: confinedWorkspacePath(scratch, record.path) };
  if (name === 'settings.update' && Object.hasOwn(record, 'ollamaHost')) return { ...record, ollamaHost: confinedHost(harness.world.fake.url, record.ollamaHost) };
  return input;
}

export function fuzzContractCalls(shard: number): void {
  beforeAll(async () => {
    harness = await FuzzHarness.start();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-fuzz-open-'));
  }, 60_000);

  afterAll(async () => {
    console.log(harness.report(`RPC fuzz, part ${shard + 1} of ${SHARDS}`));
    await harness.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 60_000);

  describe(`fuzzing the contract calls over HTTP, part ${shard + 1} of ${SHARDS}`, () => fuzzCalls(callsOfShard(shard)));
}

function fuzzCalls(names: CallName[]): void {
  for (const name of names) {
    it(
      name,
      async () => {
        const endpoint = `POST ${HTTP_RPC_PREFIX}${name}`;
        await fc.assert(
          fc.asyncProperty(inputFor(calls[name].input), async (generated) => {
            const text = toJsonText(confine(name, generated));
            const before = harness.registryBytes();
            const answer = await harness.send('POST', `${HTTP_RPC_PREFIX}${name}`, text);
            await harness.check(endpoint, text, before, answer);
          }),
          { numRuns: RUNS, endOnFailure: true },
        );
        expect(harness.findings.filter((f) => f.endpoint === endpoint)).toEqual([]);
        expect(harness.unhandledRejections()).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  }

  it('the server still answers after all of it', async () => {
    const answer = await harness.send('POST', `${HTTP_RPC_PREFIX}app.info`, '{}');
    expect(answer.status).toBe(200);
  });
}
