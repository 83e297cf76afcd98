import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appProtocolHandler, resolveAppFile } from '../../src/main/desktop/app-protocol';

let root: string;
let renderer: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mw-app-protocol-'));
  renderer = join(root, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(renderer, 'assets', 'a.js'), 'export {}');
  await writeFile(join(root, 'secret.txt'), 'not for the page');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the app:// scheme', () => {
  it('serves index.html for / and files of the build by path', async () => {
    expect(await resolveAppFile(renderer, 'app://modelwright/')).toMatch(/index\.html$/);
    expect(await resolveAppFile(renderer, 'app://modelwright/#/models/x')).toMatch(/index\.html$/);
    expect(await resolveAppFile(renderer, 'app://MODELWRIGHT/assets/a.js')).toMatch(/a\.js$/);
  });

  it.each([
    'app://modelwright/../secret.txt',
    'app://modelwright/%2e%2e/secret.txt',
    'app://modelwright/..%2fsecret.txt',
    'app://modelwright/..%5csecret.txt',
    'app://modelwright/assets/%00a.js',
    'app://modelwright/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
    'app://modelwright/assets',
  ])('serves nothing outside the build or not a file: %s', async (url) => {
    expect(await resolveAppFile(renderer, url)).toBeNull();
  });

  it('does not follow a symlink out of the build', async () => {
    await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
    expect(await resolveAppFile(renderer, 'app://modelwright/assets/link.txt')).toBeNull();
  });

  it('answers with the type and the CSP, 404 and 405 otherwise', async () => {
    const handle = appProtocolHandler(renderer, "default-src 'self'");
    const page = await handle(new Request('app://modelwright/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await page.text()).toContain('<title>x</title>');
    expect((await handle(new Request('app://modelwright/../secret.txt'))).status).toBe(404);
    expect((await handle(new Request('app://modelwright/', { method: 'POST' }))).status).toBe(405);
  });
});

describe('the desktop page with its first screen rendered', () => {
  const writer = async (template: string) => template.replace('<title>x</title>', '<title>x</title><p data-testid="model-card">rendered</p>');

  it('serves the page through the writer, once there is one', async () => {
    let current: typeof writer | null = null;
    const handle = appProtocolHandler(renderer, "default-src 'self'", () => current);
    expect(await (await handle(new Request('app://modelwright/'))).text()).toBe('<!doctype html><title>x</title>');
    current = writer;
    const res = await handle(new Request('app://modelwright/'));
    expect(await res.text()).toContain('data-testid="model-card"');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves the files of the build, and HEAD, alone', async () => {
    const handle = appProtocolHandler(renderer, "default-src 'self'", () => writer);
    expect(await (await handle(new Request('app://modelwright/assets/a.js'))).text()).toBe('export {}');
    expect(await (await handle(new Request('app://modelwright/', { method: 'HEAD' }))).text()).toBe('');
  });

  it('serves the page as built when the writer cannot render it', async () => {
    const handle = appProtocolHandler(renderer, "default-src 'self'", () => async () => null);
    expect(await (await handle(new Request('app://modelwright/'))).text()).toBe('<!doctype html><title>x</title>');
  });
});
