import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBlobDigest, blobPath } from '../../src/main/ollama/blob-digest';
import { blobExists, ensureBlob, uploadBlob, type EnsureBlobProgress } from '../../src/main/ollama/blob-upload';
import { sha256OfFile } from '../../src/main/ollama/file-sha256';
import { startFakeOllama, type FakeOllama } from '../support/fake-ollama/index';

let fake: FakeOllama;
let dir: string;
beforeEach(async () => {
  fake = await startFakeOllama();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-blob-'));
});
afterEach(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A file a few chunks long, so hashing and uploading report progress more than once. */
function writeFile(name: string, size = 3 * 1024 * 1024 + 17): { file: string; digest: string; size: number } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4096) bytes[i] = (i / 4096) & 0xff;
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return { file, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, size };
}

describe('blob digests', () => {
  it.each(['sha256:' + 'a'.repeat(64), 'sha256-' + 'F'.repeat(64)])('accepts %s', (digest) => {
    expect(assertBlobDigest(digest)).toBe(digest);
    expect(blobPath(digest)).toBe(`/api/blobs/${digest}`);
  });

  it.each(['sha256:../../etc/passwd', 'sha256:' + 'a'.repeat(63), 'md5:' + 'a'.repeat(64), 'sha256:' + 'a'.repeat(64) + '/x'])(
    'refuses %s before it reaches a URL',
    async (digest) => {
      expect(() => blobPath(digest)).toThrow(expect.objectContaining({ kind: 'validation' }));
      await expect(blobExists(fake.url, digest)).rejects.toMatchObject({ kind: 'validation' });
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe('sha256OfFile', () => {
  it('hashes a file as a stream, reporting bytes as it goes', async () => {
    const { file, digest, size } = writeFile('w.bin');
    const seen: number[] = [];
    expect(await sha256OfFile(file, { onProgress: (bytes) => seen.push(bytes) })).toBe(digest);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(size);
  });

  it('stops when aborted', async () => {
    const { file } = writeFile('w.bin');
    const controller = new AbortController();
    controller.abort();
    await expect(sha256OfFile(file, { signal: controller.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('ensureBlob', () => {
  it('HEADs first, POSTs the bytes only when missing, with progress, then finds it there next time', async () => {
    const { file, digest, size } = writeFile('model.gguf');
    const progress: EnsureBlobProgress[] = [];
    const first = await ensureBlob(fake.url, file, { onProgress: (p) => progress.push(p) });
    expect(first).toEqual({ digest, size, uploaded: true });
    expect(fake.hasBlob(digest)).toBe(true);
    expect(fake.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['HEAD', `/api/blobs/${digest}`, 404],
      ['POST', `/api/blobs/${digest}`, 201],
    ]);
    expect(fake.requests[1]?.bytes).toBe(size);
    const uploading = progress.filter((p) => p.phase === 'uploading');
    expect(progress.filter((p) => p.phase === 'hashing').at(-1)).toMatchObject({ bytes: size, total: size, digest: null });
    expect(uploading.length).toBeGreaterThan(1);
    expect(uploading.at(-1)).toMatchObject({ bytes: size, total: size, digest });

    fake.clearRequests();
    const second = await ensureBlob(fake.url, file);
    expect(second).toEqual({ digest, size, uploaded: false });
    expect(fake.requests.map((r) => r.method)).toEqual(['HEAD']);
  });

  it("reports Ollama's refusal of bytes that do not match the digest", async () => {
    const { file } = writeFile('a.bin', 1000);
    const wrong = 'sha256:' + '0'.repeat(64);
    await expect(uploadBlob(fake.url, file, wrong)).rejects.toMatchObject({ kind: 'ollama', message: expect.stringContaining('digest mismatch') });
  });

  it('is a validation error for a file that does not exist', async () => {
    await expect(ensureBlob(fake.url, path.join(dir, 'nope.gguf'))).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('it does not exist') });
  });

  it('is offline when Ollama is not there', async () => {
    const { file } = writeFile('a.bin', 1000);
    await fake.setOffline(true);
    await expect(ensureBlob(fake.url, file)).rejects.toMatchObject({ kind: 'offline' });
  });
});
