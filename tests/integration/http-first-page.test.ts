import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_PAGE_DATA_ID, type FirstPageSeed } from '../../src/shared/first-page';
import { renderFirstPage } from '../../src/renderer/src/server/render-first-page';
import { API_KEY, TOKEN, send, startServer, stubHandlers, type TestServer } from './http-fixtures';

/*
 * The page opened with the session token comes with the Models list rendered in it (the renderer's
 * own components, through React's server renderer) and the data it was rendered from; any other
 * request for the page gets the page as built, with no data in it.
 */

const INDEX = '<!doctype html><html><head><title>Modelwright</title><script blocking="render" type="module" src="./assets/index-1.js"></script></head><body><div id="root"></div></body></html>';
const EVIL = '</script><script>alert(1)</script>';
let ui: string;

beforeAll(() => {
  ui = mkdtempSync(join(tmpdir(), 'mw-first-page-'));
  mkdirSync(join(ui, 'assets'));
  writeFileSync(join(ui, 'index.html'), INDEX);
});
afterAll(() => rmSync(ui, { recursive: true, force: true }));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The seed in the page's data block, as the page's first script reads it. */
function seedIn(html: string): FirstPageSeed {
  const match = new RegExp(`<script type="application/json" id="${FIRST_PAGE_DATA_ID}">([^<]*)</script>`).exec(html);
  if (!match?.[1]) throw new Error('no first-page data in the page');
  return JSON.parse(match[1]) as FirstPageSeed;
}

describe('the server-rendered first page', () => {
  it('holds the first cards and their data when opened with the session token', async () => {
    server = await startServer({ staticDir: ui, renderFirstPage });
    const res = await send(server, { path: `/?token=${TOKEN}`, auth: false });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('data-testid="model-card"');
    expect(res.text).toContain('data-model-name="peteollama:property-manager-v1"');
    expect(seedIn(res.text).snapshot.registry.models).toHaveProperty(['peteollama:property-manager-v1']);
    // The page's own script still comes first, in the head.
    expect(res.text.indexOf('blocking="render"')).toBeLessThan(res.text.indexOf('<div id="root" inert>'));
  });

  it.each([
    ['no token', '/'],
    ['a wrong token', '/?token=not-the-session-token'],
    ['the API key', `/?token=${API_KEY}`],
    ['the token on a route but empty', '/?token='],
  ])('serves the page as built, with no data, for %s', async (_, path) => {
    server = await startServer({ staticDir: ui, renderFirstPage });
    const res = await send(server, { path, auth: false });
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(res.text).not.toContain('peteollama');
  });

  it('does not answer HEAD with data either', async () => {
    server = await startServer({ staticDir: ui, renderFirstPage });
    const res = await send(server, { method: 'HEAD', path: `/?token=${TOKEN}`, auth: false });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('keeps a model named like a script tag as text, in the markup and in the data', async () => {
    const stub = stubHandlers();
    const template = stub.registry.models['peteollama:property-manager-v1']!;
    stub.registry.models[EVIL] = { ...template, name: EVIL, display_name: `${EVIL} $& $1`, description: `<img src=x onerror=alert(1)> ${EVIL}` };
    server = await startServer({ staticDir: ui, renderFirstPage, handlers: stub.handlers });
    const res = await send(server, { path: `/?token=${TOKEN}`, auth: false });

    // One script element in the head, the data block: nothing the names hold became markup.
    expect(res.text.match(/<script/g)).toHaveLength(2);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Replacement patterns in a name stay as written.
    expect(res.text).toContain('$&amp; $1');
    // The data reads back exactly.
    const seed = seedIn(res.text);
    expect(seed.snapshot.registry.models[EVIL]?.display_name).toBe(`${EVIL} $& $1`);
  });

  it('serves the plain page when a start-up call fails, and says why in the log', async () => {
    const stub = stubHandlers({ 'registry.get': () => Promise.reject(new Error('disk on fire')) });
    server = await startServer({ staticDir: ui, renderFirstPage, handlers: stub.handlers });
    const res = await send(server, { path: `/?token=${TOKEN}`, auth: false });
    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX);
    expect(server.logs.join('\n')).toContain('the first page was not rendered');
  });

  it('is not rendered without a renderer (the desktop Local API, tests)', async () => {
    server = await startServer({ staticDir: ui });
    const res = await send(server, { path: `/?token=${TOKEN}`, auth: false });
    expect(res.text).toBe(INDEX);
  });
});
