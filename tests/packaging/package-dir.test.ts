/**
 * The packaged app, not just the build: electron-builder (`npm run dist -- --linux --dir`, with
 * electron-builder.ts) packs the built app around a stand-in Electron binary, since the real one
 * cannot be downloaded here. Checked: what the asar holds and what it must not, the first-run
 * workspace in the resources folder, the entry named in the packaged package.json, the fuses
 * flipped in the binary, the size, and that the packaged main starts as a packaged app and makes
 * the first-run workspace from the packaged `models/`.
 *
 * The stand-in is what electron-builder needs for the Linux dir target (read in app-builder-lib's
 * electron/ElectronFramework.js: an unpacked distribution is copied as it is, then its `electron`
 * executable is renamed to the app's name), with Electron's fuse wire in it so the fuses can be
 * flipped. It cannot run: the packaged main runs under Node with the stand-in electron module.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; devDependencies: Record<string, string> };

/**
 * The unpacked app without Electron itself (the asar, models/, and the stand-in's few bytes).
 * Measured at 9.6 MiB when this was written (build output ~2 MiB, the main process's
 * dependencies the rest); 12 MiB is that plus ~25%. A UI library listed in `dependencies` instead of
 * `devDependencies` (so packed twice: bundled, and again in node_modules) breaks it.
 */
const SIZE_BUDGET_BYTES = 12 * 1024 * 1024;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

let tmp: string;
let unpacked: string;
let asarPath: string;
let files: string[];

function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  // A script that says what it is if run, then Electron's fuse wire (version 1, 8 fuses, all on).
  const script = '#!/bin/sh\necho "stand-in Electron for the packaging test: it cannot run the app" >&2\nexit 1\n';
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from(script), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.alloc(8, FUSE_ON)]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
}

/** `/node_modules/a/node_modules/@s/b/x.js` → `@s/b`: the innermost package a file belongs to. */
function packageNameOf(file: string): string {
  const [first = '', second = ''] = file.split('/node_modules/').at(-1)!.split('/');
  return first.startsWith('@') ? `${first}/${second}` : first;
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

beforeAll(async () => {
  if (![join(ROOT, 'out/main/index.js'), join(ROOT, 'out/preload/index.cjs'), join(ROOT, 'out/renderer/index.html')].every(existsSync)) {
    await run(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT });
  }
  tmp = mkdtempSync(join(tmpdir(), 'mw-package-'));
  const electronDist = join(tmp, 'electron-dist');
  standInElectron(electronDist);
  const output = join(tmp, 'dist');
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/electron-builder/cli.js'), '--linux', '--dir', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`],
    { cwd: ROOT, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
  );
  unpacked = join(output, 'linux-unpacked');
  asarPath = join(unpacked, 'resources', 'app.asar');
  files = listPackage(asarPath, { isPack: false }).map((p) => p.replaceAll('\\', '/'));
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packaged app (Linux, unpacked, stand-in Electron)', () => {
  it('holds the built main, preload and renderer in its asar', () => {
    for (const file of ['/out/main/index.js', '/out/main/cli.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(files, file).toContain(file);
    }
    expect(files.some((f) => /^\/out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('holds no source, tests, source maps, development dependencies or UI libraries the build already bundles', () => {
    const own = files.filter((f) => !f.startsWith('/node_modules/') && f !== '/node_modules');
    expect(own.filter((f) => !f.startsWith('/out/') && !['/out', '/package.json'].includes(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(f))).toEqual([]);
    const packaged = new Set(files.filter((f) => f.startsWith('/node_modules/')).map(packageNameOf));
    const devOnly = Object.keys(PKG.devDependencies).filter((name) => packaged.has(name));
    expect(devOnly).toEqual([]);
    // Spot checks of what must be there (imported by the built main) and what must not.
    for (const needed of ['ollama', 'zod', 'conf', 'electron-store']) expect(packaged.has(needed), needed).toBe(true);
    for (const bundled of ['react', 'react-dom', '@codemirror/view', 'electron', 'electron-builder', 'vitest', 'typescript']) expect(packaged.has(bundled), bundled).toBe(false);
  });

  it('names the built main entry in the packaged package.json', () => {
    const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string; name: string };
    expect(pkg.main).toBe(PKG.main);
    expect(files).toContain(`/${pkg.main.replace(/^\.\//, '')}`);
  });

  it('ships the first-run workspace as a resource beside the asar, identical to models/', () => {
    const shipped = join(unpacked, 'resources', 'models');
    const list = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
    expect(list(shipped)).toEqual(list(join(ROOT, 'models')));
    for (const file of list(shipped)) expect(readFileSync(join(shipped, file)), file).toEqual(readFileSync(join(ROOT, 'models', file)));
  });

  it('ships the modelwright launcher, executable, and it runs the app binary with --cli even through a link on the PATH', async () => {
    const launcher = join(unpacked, 'resources', 'bin', 'modelwright');
    expect(readFileSync(launcher, 'utf8')).toBe(readFileSync(join(ROOT, 'resources', 'bin', 'modelwright'), 'utf8'));
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    // As Settings › "Add modelwright to PATH" links it: the launcher follows the link back to the app.
    const onPath = join(tmp, 'path-bin');
    mkdirSync(onPath);
    symlinkSync(launcher, join(onPath, 'modelwright'));
    const ran = await run(join(onPath, 'modelwright'), ['list']).catch((error: { code: number; stderr: string }) => error);
    // The stand-in binary answers that it cannot run the app: the launcher found and ran it.
    expect(ran).toMatchObject({ code: 1, stderr: expect.stringContaining('stand-in Electron for the packaging test') });
  });

  it('the packaged main runs the command line when started with --cli: the list on standard output, exit 0', async () => {
    const code = join(tmp, 'app-code-cli');
    extractAll(asarPath, code);
    const ws = join(tmp, 'cli-ws');
    cpSync(join(unpacked, 'resources', 'models'), ws, { recursive: true });
    const { stdout } = await run(
      process.execPath,
      ['--import', pathToFileURL(join(ROOT, 'tests/support/electron-stub/register.mjs')).href, join(code, 'out/main/index.js'), '--cli', 'list', '--json', '--workspace', ws, '--data-dir', join(tmp, 'cli-data')],
      { cwd: tmp, env: { ...process.env, MW_STUB_RESOURCES_PATH: join(unpacked, 'resources'), OLLAMA_HOST: 'http://127.0.0.1:9' }, timeout: 60_000 },
    );
    // execFile rejects on a non-zero exit: reaching here is exit 0.
    const listed = JSON.parse(stdout) as { name: string }[];
    const template = JSON.parse(readFileSync(join(ws, 'model_settings.json'), 'utf8')) as { models: Record<string, unknown> };
    expect(listed.map((m) => m.name).sort()).toEqual(Object.keys(template.models).sort());
  });

  it('has the hardened fuses flipped in the app binary, which carries the app name', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'modelwright'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FUSE_ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FUSE_ON);
  });

  it(`stays under its size budget (${SIZE_BUDGET_BYTES / 1024 / 1024} MiB without Electron)`, () => {
    const size = folderSize(unpacked) - statSync(join(unpacked, 'modelwright')).size;
    console.log(`packaged app without Electron: ${(size / 1024 / 1024).toFixed(1)} MiB (asar ${(statSync(asarPath).size / 1024 / 1024).toFixed(1)} MiB)`);
    expect(size).toBeLessThan(SIZE_BUDGET_BYTES);
  });

  it('starts as a packaged app and makes the first-run workspace from the packaged models/', async () => {
    // The asar's contents go outside the resources folder, so the repository's layout cannot
    // find a models/ next to them: only process.resourcesPath can.
    const code = join(tmp, 'app-code');
    extractAll(asarPath, code);
    expect(existsSync(join(tmp, 'models'))).toBe(false);
    const resources = join(unpacked, 'resources');
    const { stdout } = await run(
      process.execPath,
      ['--import', pathToFileURL(join(ROOT, 'tests/support/electron-stub/register.mjs')).href, join(ROOT, 'tests/packaging/packaged-start.mjs'), join(code, 'out/main/index.js')],
      { cwd: tmp, env: { ...process.env, MW_STUB_RESOURCES_PATH: resources, OLLAMA_HOST: 'http://127.0.0.1:9' }, timeout: 60_000 },
    );
    const report = JSON.parse(stdout) as {
      isPackaged: boolean;
      resourcesPath: string;
      preload: string;
      preloadExists: boolean;
      loadedUrl: string;
      page: { status: number; head: string };
      registry: { ok: boolean; value?: { registry: { models: Record<string, unknown> }; workspace: { path: string } } };
      workspace: string;
      workspaceRegistry: string | null;
    };
    expect(report).toMatchObject({ isPackaged: true, resourcesPath: resources, loadedUrl: 'app://modelwright/', preloadExists: true });
    // The preload and the page come from the packaged code, not the repository's out/.
    expect(report.preload).toBe(join(code, 'out/preload/index.cjs'));
    expect(report.page).toEqual({ status: 200, head: '<!doctype html>' });
    expect(report.registry.ok).toBe(true);
    expect(report.registry.value?.workspace.path).toBe(report.workspace);
    const template = JSON.parse(readFileSync(join(resources, 'models', 'model_settings.json'), 'utf8')) as { models: Record<string, unknown> };
    expect(Object.keys(report.registry.value?.registry.models ?? {})).toEqual(Object.keys(template.models));
    expect(report.workspaceRegistry).not.toBeNull();
  });
});
