import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIcns, encodeIco, ICNS_TYPES } from '../../scripts/icons/icon-containers';

const RESOURCES = resolve(import.meta.dirname, '../../resources');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function readIco(ico: Buffer): { size: number; png: Buffer }[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { size: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + length) };
  });
}

function readIcns(icns: Buffer): { type: string; png: Buffer }[] {
  expect(icns.toString('ascii', 0, 4)).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
  const out: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < icns.length; ) {
    const length = icns.readUInt32BE(at + 4);
    out.push({ type: icns.toString('ascii', at, at + 4), png: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return out;
}

describe('the app icons checked in under resources/ (made by npm run icons)', () => {
  it('has a PNG of each size from 16 to 1024 px, each really that size', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(join(RESOURCES, `icons/${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico whose every entry is a PNG of the size its directory states, up to 256 px', () => {
    const entries = readIco(readFileSync(join(RESOURCES, 'icon.ico')));
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { size, png } of entries) expect(pngSize(png)).toEqual({ width: size, height: size });
  });

  it('has a macOS .icns with every type macOS looks for, each a PNG of its size', () => {
    const entries = readIcns(readFileSync(join(RESOURCES, 'icon.icns')));
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const [i, { png }] of entries.entries()) {
      const size = ICNS_TYPES[i]!.size;
      expect(pngSize(png)).toEqual({ width: size, height: size });
    }
  });
});

describe('the icon container writers', () => {
  const png = (size: number) => Buffer.concat([PNG_SIGNATURE, Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0, size, 0, 0, 0, size])]);

  it('refuses an .ico image larger than 256 px', () => {
    expect(() => encodeIco([{ size: 512, png: png(0) }])).toThrow(/1–256 px; got 512/);
  });

  it('names the missing size when an .icns cannot be complete', () => {
    expect(() => encodeIcns([{ size: 16, png: png(16) }])).toThrow(/needs a 32 px image \(for icp5\)/);
  });
});
