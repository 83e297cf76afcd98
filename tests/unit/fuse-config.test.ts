import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import { FUSE_CONFIG } from '../../scripts/fuse-config';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 8;
/** How the wire stores a fuse: ASCII '0' and '1' (the package does not export its FuseState). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

/** The bytes Electron compiles in: sentinel, wire version 1, wire length, then one byte per fuse. */
function fakeElectron(state: number): Buffer {
  return Buffer.concat([Buffer.from('ELF…before…'), Buffer.from(SENTINEL), Buffer.from([1, WIRE_LENGTH]), Buffer.alloc(WIRE_LENGTH, state), Buffer.from('…after')]);
}

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('Electron fuses', () => {
  it('declares the hardened settings, every fuse explicitly', () => {
    expect(FUSE_CONFIG).toMatchObject({
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    const declared = Object.keys(FuseV1Options).filter((key) => /^\d+$/.test(key));
    for (const index of declared) expect(typeof (FUSE_CONFIG as Record<string, unknown>)[index], `fuse ${FuseV1Options[Number(index)]}`).toBe('boolean');
  });

  it('flips exactly those fuses in a binary, leaving the rest of the file as it was', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mw-fuses-'));
    const binary = join(dir, 'electron');
    const before = fakeElectron(FuseState.ENABLE);
    await writeFile(binary, before);
    expect(await flipFuses(binary, FUSE_CONFIG)).toBe(1);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    const after = await readFile(binary);
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, before.indexOf(SENTINEL))).toEqual(before.subarray(0, before.indexOf(SENTINEL)));
  });

  it('refuses a binary whose wire has a fuse this config does not set', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mw-fuses-'));
    const binary = join(dir, 'electron');
    const longer = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, WIRE_LENGTH + 1]), Buffer.alloc(WIRE_LENGTH + 1, FuseState.ENABLE)]);
    await writeFile(binary, longer);
    await expect(flipFuses(binary, FUSE_CONFIG)).rejects.toThrow(/strictlyRequireAllFuses/);
  });
});
