import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calls } from '../../src/shared/contract';
import { callsOfShard, SHARDS } from './rpc-fuzz';

describe('the contract-call fuzz split into parts', () => {
  it('fuzzes every call exactly once across its parts, and each part has a test file', () => {
    const all = Array.from({ length: SHARDS }, (_, shard) => callsOfShard(shard)).flat();
    expect(all.toSorted()).toEqual(Object.keys(calls).toSorted());
    for (let shard = 1; shard <= SHARDS; shard++) expect(fs.existsSync(new URL(`./rpc-calls-${shard}.test.ts`, import.meta.url))).toBe(true);
  });
});
