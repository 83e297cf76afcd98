import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeHandle {
  /** The URL the server printed, token included: what a user opens. */
  url: string;
  origin: string;
  token: string;
  workspace: string;
  dataDir: string;
  output: () => string;
  /** keepFiles leaves the workspace and data dir for a restart. */
  stop: (options?: { keepFiles?: boolean }) => Promise<void>;
}

const SERVE_ENTRY = resolve(import.meta.dirname, '../../out/main/serve.js');

/** Starts the built headless server (`npm run serve`) as a user would, on a free port. */
export async function startServe(options: {
  ollamaUrl: string;
  workspace?: string;
  /** Reuse an earlier run's app data (conversations, jobs, settings) to test a restart. */
  dataDir?: string;
  token?: string;
  /** More `serve` flags, e.g. `--ollama-stall-timeout 60`. */
  args?: string[];
}): Promise<ServeHandle> {
  const root = await mkdtemp(join(tmpdir(), 'mw-e2e-'));
  const workspace = options.workspace ?? join(root, 'workspace');
  const dataDir = options.dataDir ?? join(root, 'data');
  const token = options.token ?? 'e2e-token-0123456789';
  const child = spawn(
    process.execPath,
    [SERVE_ENTRY, '--workspace', workspace, '--ollama', options.ollamaUrl, '--port', '0', '--data-dir', dataDir, '--token', token, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OLLAMA_HOST: '' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await waitForUrl(child, () => output);
  return {
    url,
    origin: new URL(url).origin,
    token,
    workspace,
    dataDir,
    output: () => output,
    stop: async ({ keepFiles = false }: { keepFiles?: boolean } = {}) => {
      await stopChild(child);
      if (!keepFiles) await rm(root, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`serve did not print its URL within 15 s:\n${output()}`));
    }, 15_000);
    const check = (): void => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output());
      if (match?.[1]) {
        cleanup();
        resolvePromise(match[1]);
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`serve exited with ${code}:\n${output()}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', check);
    child.on('exit', onExit);
    check();
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}
