import type { Page, Route } from '@playwright/test';
import { scanBothThemes } from './support/axe';
import { expect, snap, test } from './support/fixtures';

/**
 * The Evaluate page's layout in Chromium, light and dark, at the window sizes the app supports,
 * with the evaluation calls answered here (a saved run with a regression) so the page is seen full.
 * The flow against the real runner is evaluate.spec.ts.
 */

const FAMILY = 'peteollama:property-manager';
const V1 = `${FAMILY}-v1`;
const V2 = `${FAMILY}-v2`;
const RUN_ID = '2026-12-03T13-45-12-123Z-3f9a';
const OLDER = '2026-12-02T09-00-00-000Z-aaaa';

const cases = Array.from({ length: 14 }, (_, i) => ({
  id: i === 0 ? 'late-rent-reminder' : `case-${i + 1}`,
  title: i === 0 ? 'Writes a polite late-rent reminder that mentions the amount and the due date' : i % 3 === 0 ? null : `Tenant question ${i + 1}`,
  prompt: i === 0 ? 'A tenant is five days late with $1,450 rent due on the 1st. Write a short reminder.' : `Question ${i + 1} from a tenant.`,
  rubric: null,
}));

function output(caseId: string, model: string): string {
  if (caseId === 'late-rent-reminder') {
    return model === V1
      ? 'Hello Sam, a friendly reminder that your rent of $1,450 was due on the 1st. Please pay by Friday.'
      : 'Hi Sam, your rent is overdue. Please pay as soon as you can.';
  }
  return `Answer to ${caseId} from ${model.endsWith('v1') ? 'the first' : 'the second'} version.`;
}

function passed(index: number, model: string): boolean {
  if (index === 0) return model === V1;
  if (index === 4) return model === V2;
  return index % 5 !== 2;
}

const results = cases.flatMap((c, i) =>
  [V1, V2].map((model) => ({
    caseId: c.id,
    model,
    request: { messages: [{ role: 'system', content: 'You are a property manager.' }, { role: 'user', content: c.prompt }], options: { temperature: 0, seed: 42 }, think: false },
    output: output(c.id, model),
    thinking: null,
    error: null,
    doneReason: 'stop',
    promptTokens: 30,
    outputTokens: 24,
    timeToFirstTokenMs: model === V1 ? 420 : 310,
    tokensPerSecond: model === V1 ? 38.4 : 51.2,
    totalMs: 1100,
    checks: [
      { kind: 'contains', label: 'contains "$1,450"', passed: passed(i, model), detail: passed(i, model) ? null : 'not found in the answer' },
      { kind: 'max_tokens', label: 'at most 120 tokens', passed: true, detail: null },
    ],
    passed: passed(i, model),
    grade: i === 0 ? { judge: 'llama3:latest', score: model === V1 ? 5 : 2, pass: model === V1, reason: model === V1 ? 'Polite and complete.' : 'Leaves out the amount.', error: null } : null,
    finishedAt: '2026-12-03T13:46:00.000Z',
  })),
);

const run = {
  format: 1,
  id: RUN_ID,
  family: FAMILY,
  state: 'completed',
  error: null,
  startedAt: '2026-12-03T13:45:12.123Z',
  finishedAt: '2026-12-03T13:47:00.000Z',
  app: 'Modelwright 0.1.0',
  ollama: { host: 'http://127.0.0.1:11434', version: '0.12.6' },
  promptSet: { path: 'evals/peteollama_property-manager.yaml', sha256: 'f'.repeat(64) },
  options: { temperature: 0, seed: 42, think: false },
  cases,
  models: [V1, V2].map((name, i) => ({ name, role: 'version', version: i + 1, digest: null, modelfile: null, builtFromSha256: null, modelfileSha256: null })),
  judge: { name: 'llama3:latest', digest: null },
  rerunOf: null,
  results,
};

const summaries = [
  {
    id: RUN_ID,
    family: FAMILY,
    state: 'completed',
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ollamaVersion: '0.12.6',
    rerunOf: null,
    caseCount: cases.length,
    models: [V1, V2].map((name) => ({ name, passed: results.filter((r) => r.model === name && r.passed).length, failed: results.filter((r) => r.model === name && !r.passed).length })),
  },
  { id: OLDER, family: FAMILY, state: 'cancelled', startedAt: '2026-12-02T09:00:00.000Z', finishedAt: '2026-12-02T09:01:00.000Z', ollamaVersion: '0.12.5', rerunOf: null, caseCount: cases.length, models: [{ name: V1, passed: 6, failed: 1 }] },
];

const setText = `family: ${FAMILY}\ncases:\n  - id: late-rent-reminder\n    prompt: A tenant is five days late.\n`;

async function answer(route: Route, value: unknown): Promise<void> {
  await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
}

async function stubEvals(page: Page): Promise<void> {
  await page.route('**/rpc/evals.readSet', (route) =>
    answer(route, {
      family: FAMILY,
      path: 'evals/peteollama_property-manager.yaml',
      text: setText,
      sha256: 'a'.repeat(64),
      set: { family: FAMILY, judge: 'llama3:latest', cases: cases.map((c) => ({ id: c.id, prompt: c.prompt, checks: [] })) },
      problems: [],
    }),
  );
  await page.route('**/rpc/evals.runs', (route) => answer(route, summaries));
  await page.route('**/rpc/evals.readRun', (route) => answer(route, run));
  await page.route('**/rpc/evals.sets', (route) => answer(route, [{ family: FAMILY, path: 'evals/peteollama_property-manager.yaml', description: null, caseCount: cases.length, problemCount: 0, modifiedAt: '2026-12-03T13:00:00.000Z' }]));
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 900, height: 600 },
  ]) {
    test(`the Evaluate page in ${scheme} at ${size.width}×${size.height}`, async ({ page, server }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await stubEvals(page);
      await page.goto(server.url);
      // The sidebar's Evaluate lists the families with their prompt sets.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Evaluate' }).click();
      await expect(page.getByTestId('eval-family')).toContainText('14 cases');
      await snap(page, `evaluate-families-${scheme}-${size.width}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Models/ }).click();
      // The family heading on the Models page has its own Evaluate.
      await expect(page.getByRole('button', { name: `Evaluate ${FAMILY}` })).toBeVisible();
      await snap(page, `evaluate-from-models-${scheme}-${size.width}`);
      await page.getByRole('button', { name: `Evaluate ${FAMILY}` }).click();
      const grid = page.getByTestId('results-grid');
      await expect(grid.getByTestId('verdict-regressions')).toHaveText('↓ 1 regressed');
      // Nothing sticks out of the window sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await snap(page, `evaluate-${scheme}-${size.width}`);

      await grid.getByRole('button', { name: /^.?\s*Writes a polite late-rent reminder/ }).click();
      await page.getByTestId('results').scrollIntoViewIfNeeded();
      await snap(page, `evaluate-open-row-${scheme}-${size.width}`);

      await grid.getByRole('button', { name: /^Compare outputs for Writes a polite/ }).click();
      await expect(page.getByTestId('case-view').locator('ins').first()).toBeVisible();
      await snap(page, `evaluate-case-${scheme}-${size.width}`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('results-grid')).toBeVisible();
    });
  }
}

test('the Evaluate page, an open row and a case read well to a screen reader, in both themes', async ({ page, server }) => {
  await stubEvals(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: `Evaluate ${FAMILY}` }).click();
  const grid = page.getByTestId('results-grid');
  await expect(grid.getByTestId('verdict-regressions')).toBeVisible();
  await grid.getByRole('button', { name: /^.?\s*Writes a polite late-rent reminder/ }).click();
  const findings = await scanBothThemes(page, 'evaluate-results');
  await grid.getByRole('button', { name: /^Compare outputs for Writes a polite/ }).click();
  await expect(page.getByTestId('case-view')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'evaluate-case')));
  expect(findings).toEqual([]);
});

test('a run in progress shows "case k of n · model", a bar and Cancel', async ({ page, server }) => {
  await stubEvals(page);
  const running = {
    id: 'job-eval',
    kind: 'eval',
    target: FAMILY,
    state: 'running',
    createdAt: '2026-12-03T14:00:00.000Z',
    startedAt: '2026-12-03T14:00:00.000Z',
    endedAt: null,
    steps: [],
    progress: { status: `case 5 of 14 · ${V2}`, digest: null, total: 28, completed: 18, percent: null, bytesPerSecond: null, etaSeconds: null },
    error: null,
    log: [],
  };
  await page.route('**/rpc/evals.start', (route) => answer(route, { jobId: 'job-eval', runId: RUN_ID }));
  await page.route('**/rpc/jobs.get', (route) => answer(route, running));
  await page.goto(server.url);
  await page.getByRole('button', { name: `Evaluate ${FAMILY}` }).click();
  await page.getByTestId('eval-run').click();
  const progress = page.getByTestId('eval-progress');
  await expect(progress).toContainText(`case 5 of 14 · ${V2}`);
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '64');
  await expect(progress.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await progress.scrollIntoViewIfNeeded();
  await snap(page, 'evaluate-running');
});

test('the grid’s header columns line up with its rows', async ({ page, server }) => {
  await stubEvals(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: `Evaluate ${FAMILY}` }).click();
  const grid = page.getByTestId('results-grid');
  await expect(grid.getByTestId('result-cell').first()).toBeVisible();
  const header = await grid.getByTestId('verdict-header').first().boundingBox();
  const cell = await grid.getByTestId('result-cell').first().boundingBox();
  expect(Math.abs((header?.x ?? 0) - (cell?.x ?? 1))).toBeLessThan(1);
  expect(Math.abs((header?.width ?? 0) - (cell?.width ?? 1))).toBeLessThan(1);
});

test('200 cases × 3 versions: a few dozen rows in the page while scrolling through all of them', async ({ page, server }) => {
  const models = [V1, V2, `${FAMILY}-v3`];
  const many = Array.from({ length: 200 }, (_, i) => ({ id: `case-${i + 1}`, title: `Tenant question ${i + 1}`, prompt: `Question ${i + 1}`, rubric: null }));
  const big = {
    ...run,
    cases: many,
    models: models.map((name, i) => ({ name, role: 'version', version: i + 1, digest: null, modelfile: null, builtFromSha256: null, modelfileSha256: null })),
    results: many.flatMap((c, i) => models.map((model) => ({ ...results[0]!, caseId: c.id, model, passed: (i + model.length) % 4 !== 0 }))),
  };
  await stubEvals(page);
  await page.route('**/rpc/evals.readRun', (route) => answer(route, big));
  await page.goto(server.url);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await page.getByRole('button', { name: `Evaluate ${FAMILY}` }).click();
  const grid = page.getByTestId('results-grid');
  await expect(grid.getByTestId('results-row').first()).toBeVisible();
  expect(await grid.getByTestId('results-row').count()).toBeLessThan(40);
  const opening = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks.splice(0)));
  await grid.hover();
  for (let i = 0; i < 45; i++) await page.mouse.wheel(0, 400);
  await expect(grid.locator('[data-case-id="case-200"]')).toBeVisible();
  const longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks));
  // A figure to read, not to assert: on a shared machine its load decides the number.
  console.log(`200×3 grid: longest main-thread task opening ${Math.round(opening)} ms, scrolling ${Math.round(longest)} ms`);
  expect(await grid.getByTestId('results-row').count()).toBeLessThan(40);
});
