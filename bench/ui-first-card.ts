/**
 * How fast the Models page shows its first card, and how fast a search keystroke filters 1,000.
 *
 *   npm run build && npm run bench:ui-first-card [-- rounds]
 *
 * Starts the built headless server (out/main/serve.js) twice, against the fake Ollama: once on
 * the first-run example workspace, once on a registry of 1,000 models. In Chromium (the system
 * one, as the e2e suite), each round loads, in a fresh browser context (cold cache, as a first
 * visit): a blank page from the same server (a tiny 404 document: the floor for any navigation
 * there), the app on the example workspace, and the app on 1,000 models. Rounds interleave so all
 * three see the same machine load. Times run from navigation start (the page's timeOrigin) to the
 * frame after the first card enters the DOM. Then, at 1,000 models, 20 keystrokes into the search
 * box: from the keydown's timestamp to the frame after the grid changed. Prints medians and
 * ratios; targets: first card ≤ 3× the blank page and ≤ 500 ms, a keystroke ≤ 50 ms (median).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startServe, type ServeHandle } from '../e2e/support/serve-process';
import { LLAMA3, PROPERTY_MANAGER_V1, startFakeOllama } from '../tests/support/fake-ollama/index';

const ROUNDS = Number(process.argv[2] ?? 9);
const KEYSTROKES = 20;
const TARGET = { ratio: 3, firstCardMs: 500, keystrokeMs: 50 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function thousandModels(): Record<string, unknown> {
  const models: Record<string, unknown> = {};
  for (let i = 1; i <= 1000; i++) {
    const family = `family-${String(i % 97).padStart(2, '0')}`;
    const name = `team/${family}-v${Math.ceil(i / 97)}`;
    models[name] = {
      name,
      display_name: `Model ${i}`,
      description: `Model ${i} of the first-card benchmark: ${'a description that goes on '.repeat((i % 5) + 1)}`,
      version: `v${Math.ceil(i / 97)}`,
      base_model: i % 2 ? 'llama3:latest' : 'qwen3:30b',
      modelfile: 'models/Modelfile.bench',
      show_in_ui: i % 3 !== 0,
      auto_preload: false,
      status: (['pending', 'available', 'missing', 'failed'] as const)[i % 4],
    };
  }
  return { default_model: null, models, base_models: {} };
}

/** Records, in the page, when the first card entered the DOM (the frame after it, as a user would see it). */
const WATCH_FIRST_CARD = `
  window.__firstCardMs = null;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="model-card"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__firstCardMs = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
`;

async function firstCard(browser: Browser, url: string): Promise<{ firstCardMs: number; loadMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_FIRST_CARD);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as { __firstCardMs?: number | null }).__firstCardMs != null, null, { timeout: 30_000 });
    return await page.evaluate(() => ({
      firstCardMs: (window as unknown as { __firstCardMs: number }).__firstCardMs,
      loadMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
  } finally {
    await context.close();
  }
}

async function blankLoad(browser: Browser, origin: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Never a file of the build: the server answers a few bytes, which is all a blank page costs.
    await page.goto(`${origin}/assets/blank-page-for-the-benchmark`, { waitUntil: 'load' });
    return await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  } finally {
    await context.close();
  }
}

/** One keystroke's time: keydown to the frame after the grid (or the summary) changed. */
async function keystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const state = { down: null as number | null, done: null as number | null };
    (window as unknown as { __key: typeof state }).__key = state;
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.addEventListener('keydown', (event) => (state.down = event.timeStamp), { once: true, capture: true });
    const page = document.querySelector('.page--models')!;
    // The input's own attribute changes too; only the results count.
    new MutationObserver((records, observer) => {
      if (records.every((r) => r.target instanceof Element && r.target.closest('form[role="search"]'))) return;
      observer.disconnect();
      requestAnimationFrame(() => (state.done = performance.now()));
    }).observe(page, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  await page.keyboard.press(key);
  await page.waitForFunction(() => (window as unknown as { __key: { done: number | null } }).__key.done !== null);
  return page.evaluate(() => {
    const state = (window as unknown as { __key: { down: number; done: number } }).__key;
    return state.done - state.down;
  });
}

async function keystrokes(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const summary = page.getByTestId('models-summary');
    await summary.filter({ hasText: /1,?000 models/ }).waitFor();
    await page.locator('input[type="search"]').focus();
    const times: number[] = [];
    // Two warm-up keystrokes, then 20 measured; each one filters the full 1,000 and is undone.
    for (let i = 0; i < KEYSTROKES + 2; i++) {
      const ms = await keystroke(page, String((i % 9) + 1));
      if (i >= 2) times.push(ms);
      await page.keyboard.press('Backspace');
      await summary.filter({ hasText: /^1,?000 models$/ }).waitFor();
    }
    return times;
  } finally {
    await context.close();
  }
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER TARGET');

async function main(): Promise<void> {
  if (!existsSync('out/main/serve.js')) throw new Error('Build the app first: npm run build');
  const fake = await startFakeOllama({ models: [PROPERTY_MANAGER_V1, LLAMA3] });
  const workspace = await mkdtemp(join(tmpdir(), 'mw-bench-ui-'));
  await writeFile(join(workspace, 'model_settings.json'), `${JSON.stringify(thousandModels(), null, 2)}\n`);
  const servers: ServeHandle[] = [];
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  try {
    const example = await startServe({ ollamaUrl: fake.url });
    servers.push(example);
    const thousand = await startServe({ ollamaUrl: fake.url, workspace });
    servers.push(thousand);

    // A warm-up round: the server's first answers and Chromium's first process are not what users wait for.
    await blankLoad(browser, example.origin);
    await firstCard(browser, example.url);
    await firstCard(browser, thousand.url);

    const blank: number[] = [];
    const exampleCard: number[] = [];
    const exampleLoad: number[] = [];
    const thousandCard: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      blank.push(await blankLoad(browser, example.origin));
      const a = await firstCard(browser, example.url);
      exampleCard.push(a.firstCardMs);
      exampleLoad.push(a.loadMs);
      thousandCard.push((await firstCard(browser, thousand.url)).firstCardMs);
    }
    const keys = await keystrokes(browser, thousand.url);

    const b = median(blank);
    const e = median(exampleCard);
    const t = median(thousandCard);
    const k = median(keys);
    console.log(`UI first card, ${ROUNDS} rounds (medians; fresh browser context each, Chromium ${browser.version()})`);
    console.log(`  blank page load (same server)        ${fmt(b)}`);
    console.log(`  app load event, example workspace    ${fmt(median(exampleLoad))}`);
    console.log(`  first card, example workspace        ${fmt(e)}  = ${(e / b).toFixed(2)}× blank  ${verdict(e <= TARGET.firstCardMs && e / b <= TARGET.ratio)}`);
    console.log(`  first card, 1,000 models             ${fmt(t)}  = ${(t / b).toFixed(2)}× blank  ${verdict(t <= TARGET.firstCardMs && t / b <= TARGET.ratio)}`);
    console.log(`  search keystroke, 1,000 models       ${fmt(k)}  (median of ${keys.length}; min ${fmt(Math.min(...keys))}, max ${fmt(Math.max(...keys))})  ${verdict(k <= TARGET.keystrokeMs)}`);
    console.log(`  targets: first card ≤ ${TARGET.ratio}× blank and ≤ ${TARGET.firstCardMs} ms; keystroke ≤ ${TARGET.keystrokeMs} ms`);
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
    await fake.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
