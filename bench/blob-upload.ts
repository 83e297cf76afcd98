/**
 * Hashing and uploading a 1 GiB weights file, as a create from `FROM ./model.gguf` does.
 *
 *   npx tsx bench/blob-upload.ts [size-in-MiB]
 *
 * Writes a 1 GiB file in a temp folder, starts the fake Ollama in a child process (so its work
 * is not counted here), times `sha256sum` on the same file, then runs ensureBlob (hash, HEAD,
 * streamed POST) while sampling this process's resident memory. Prints the memory growth
 * (target < 64 MiB) and throughput as a ratio to sha256sum's, measured in the same run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureBlob } from '../src/main/ollama/blob-upload';

const MIB = 1024 * 1024;
const SIZE_MIB = Number(process.argv[2] ?? 1024);
const TARGET_GROWTH_MIB = 64;
const root = path.resolve(import.meta.dirname, '..');

function makeFile(file: string): void {
  // 1 MiB of random bytes repeated: fast to write, and no run of zeros a file system could skip.
  const block = randomBytes(MIB);
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < SIZE_MIB; i++) {
      block.writeUInt32LE(i, 0);
      fs.writeSync(fd, block);
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function startFakeInChild(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/fake-ollama/cli.ts'), '--port', '0', '--control-port', '0', '--seed', 'empty'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Fake Ollama API:\s+(http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the fake Ollama exited (${code})`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const mib = (bytes: number): string => (bytes / MIB).toFixed(1);
const rate = (bytes: number, ms: number): number => bytes / MIB / (ms / 1000);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-bench-blob-'));
  const file = path.join(dir, 'model.gguf');
  const fake = await startFakeInChild();
  try {
    console.log(`Writing a ${SIZE_MIB} MiB file in ${dir} …`);
    makeFile(file);
    const bytes = fs.statSync(file).size;

    // sha256sum first: it also brings the file into the page cache for both.
    let start = performance.now();
    const sum = spawnSync('sha256sum', [file], { encoding: 'utf8' });
    const sumMs = performance.now() - start;
    if (sum.status !== 0) throw new Error(`sha256sum failed: ${sum.stderr}`);
    const expected = `sha256:${sum.stdout.split(/\s+/)[0]}`;

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    let hashedAt = 0;
    start = performance.now();
    const result = await ensureBlob(fake.url, file, {
      onProgress: (p) => {
        if (p.phase === 'uploading' && hashedAt === 0) hashedAt = performance.now();
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    const totalMs = performance.now() - start;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const hashMs = (hashedAt || performance.now()) - start;
    const uploadMs = totalMs - hashMs;
    const growth = peak - baseline;
    const sumRate = rate(bytes, sumMs);
    console.log('');
    console.log(`file                      ${mib(bytes)} MiB, digest ${result.digest === expected ? 'matches sha256sum' : `DIFFERS (${result.digest} vs ${expected})`}, uploaded: ${result.uploaded}`);
    console.log(`sha256sum                 ${sumMs.toFixed(0)} ms  ${sumRate.toFixed(0)} MiB/s`);
    console.log(`hash (sha256OfFile)       ${hashMs.toFixed(0)} ms  ${rate(bytes, hashMs).toFixed(0)} MiB/s  ratio to sha256sum ${(rate(bytes, hashMs) / sumRate).toFixed(2)}`);
    console.log(`upload (streamed POST)    ${uploadMs.toFixed(0)} ms  ${rate(bytes, uploadMs).toFixed(0)} MiB/s  ratio to sha256sum ${(rate(bytes, uploadMs) / sumRate).toFixed(2)}`);
    console.log(`hash + upload             ${totalMs.toFixed(0)} ms  ${rate(bytes, totalMs).toFixed(0)} MiB/s  ratio to sha256sum ${(rate(bytes, totalMs) / sumRate).toFixed(2)}`);
    console.log(`resident memory growth    ${mib(growth)} MiB (baseline ${mib(baseline)} MiB, peak ${mib(peak)} MiB)  target < ${TARGET_GROWTH_MIB} MiB: ${growth < TARGET_GROWTH_MIB * MIB ? 'within' : 'OVER'}`);
  } finally {
    fake.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
