import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HTML_CSP } from '../../src/main/http/responses';
import { send, startServer, type TestServer } from './http-fixtures';

const SECRET = 'TOP-SECRET-CONTENT';
const INDEX = '<!doctype html><title>Modelwright</title><script type="module" src="/assets/app-1a2b.js"></script>';
let sandbox: string;
let ui: string;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'mw-http-static-'));
  ui = join(sandbox, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), INDEX);
  writeFileSync(join(ui, 'assets', 'app-1a2b.js'), 'console.log(1);');
  writeFileSync(join(ui, 'assets', 'app-1a2b.css'), 'body{}');
  writeFileSync(join(ui, 'favicon.svg'), '<svg/>');
  writeFileSync(join(ui, '.env'), SECRET);
  writeFileSync(join(sandbox, 'secret.txt'), SECRET);
  symlinkSync(join(sandbox, 'secret.txt'), join(ui, 'link.txt'));
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('static UI files', () => {
  it('serves index.html at / without a token, with the CSP and frame denial', async () => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { path: '/', auth: false });
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(HTML_CSP);
    expect(HTML_CSP).toContain("script-src 'self'");
    expect(HTML_CSP).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it.each([
    ['/assets/app-1a2b.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
    ['/assets/app-1a2b.css', 'text/css; charset=utf-8', 'body{}'],
    ['/favicon.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s with its MIME type', async (path, type, body) => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { path, auth: false });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.text).toBe(body);
  });

  it('answers HEAD with the headers and no body', async () => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { method: 'HEAD', path: '/assets/app-1a2b.js', auth: false });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('console.log(1);'.length));
    expect(res.text).toBe('');
  });

  it('falls back to index.html for client-side routes', async () => {
    server = await startServer({ staticDir: ui });
    for (const path of ['/models', '/models/peteollama:property-manager-v1', '/chat/qwen2.5?x=1']) {
      const res = await send(server, { path, auth: false });
      expect(res.status).toBe(200);
      expect(res.text).toBe(INDEX);
      expect(res.headers['content-security-policy']).toBe(HTML_CSP);
    }
  });

  it('answers a missing asset with 404, not the page', async () => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { path: '/assets/gone-9z9z.js', auth: false });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ detail: 'Not found' });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2fetc%2fpasswd',
    '/index.html%00.js',
    '/%E0%A4%A',
  ])('refuses the traversal attempt %s', async (path) => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { path, auth: false });
    expect(res.status).toBe(400);
    expect(res.text).not.toContain(SECRET);
  });

  it('treats an absolute-looking path as relative to the build', async () => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { path: '//etc/passwd', auth: false });
    expect(res.text).toBe(INDEX);
    expect(res.text).not.toContain('root:');
  });

  it('serves neither dotfiles nor symlinks leading out of the build', async () => {
    server = await startServer({ staticDir: ui });
    const dot = await send(server, { path: '/.env', auth: false });
    expect(dot.status).toBe(404);
    expect(dot.text).not.toContain(SECRET);
    const link = await send(server, { path: '/link.txt', auth: false });
    expect(link.text).not.toContain(SECRET);
  });

  it('answers unknown API paths with JSON 404, never the page', async () => {
    server = await startServer({ staticDir: ui });
    for (const path of ['/api/tags', '/admin/other', '/rpc', '/v1/chat/completions']) {
      const res = await send(server, { path });
      expect(res.status).toBe(404);
      expect(res.json()).toEqual({ detail: 'Not Found' });
    }
  });

  it('refuses methods other than GET and HEAD on page paths', async () => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { method: 'POST', path: '/', auth: false, body: {} });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });

  it.each([
    ['no static dir', null],
    ['a dir without index.html', 'EMPTY'],
  ])('says the UI is not built when there is %s', async (_label, dir) => {
    const staticDir = dir === 'EMPTY' ? join(sandbox, 'empty') : dir;
    if (staticDir) mkdirSync(staticDir, { recursive: true });
    server = await startServer({ staticDir });
    const res = await send(server, { path: '/', auth: false });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(HTML_CSP);
    expect(res.text).toContain('npm run build');
  });
});
