import type { Page, Route } from '@playwright/test';
import { scanBothThemes, type Finding } from './support/axe';
import { expect, snap, test } from './support/fixtures';

/**
 * The Hosts page's layout, themes and keyboard in Chromium, with the hosts and deploy calls answered
 * here in the contract's shapes (three real hosts are hosts.spec.ts, once the services answer):
 * 1,000 models × 5 hosts with every cell state and one host offline.
 */

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const HOSTS = ['local', 'gpu-box', 'gpu-2', 'ci-runner', 'studio-mac'];
const OFFLINE = 'ci-runner';
const REASON = 'Ollama is not reachable at http://ci-runner:11434 (connection refused). Start it there with ollama serve.';
const STATES = ['available', 'outdated', 'unverified', 'missing', 'queued', 'building', 'failed', 'blocked'] as const;
const DIGEST = 'sha256:6a0746a1ec1aa3b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5';

function connection(name: string) {
  const url = `http://${name === 'local' ? '127.0.0.1' : name}:11434`;
  const offline = name === OFFLINE;
  return {
    status: offline ? 'offline' : 'online',
    host: url,
    version: offline ? null : '0.12.6',
    canCreate: !offline,
    warnings: [],
    message: offline ? REASON : null,
    checkedAt: '2026-12-03T10:00:00.000Z',
  };
}

const hostViews = HOSTS.map((name, i) => ({
  name,
  url: i === 0 ? null : `${name}:11434`,
  effectiveUrl: connection(name).host,
  primary: i === 0,
  hasToken: name === 'gpu-box',
  connection: connection(name),
}));

function cell(state: string, percent: number | null = null) {
  const on = state === 'available' || state === 'outdated' || state === 'unverified';
  return {
    state,
    digest: on ? DIGEST : null,
    deployedAt: on ? '2026-12-03T10:00:00.000Z' : null,
    jobId: state === 'building' || state === 'queued' ? 'job-x' : null,
    percent: state === 'building' ? percent : null,
    detail: state === 'outdated' ? 'its Modelfile changed since it was built there' : state === 'blocked' ? 'its Modelfile has 2 problems' : null,
  };
}

const names = [V1, V2, ...Array.from({ length: 998 }, (_, i) => `team/assistant-${String(i).padStart(4, '0')}-with-a-rather-long-name-v${(i % 4) + 1}`)];
const matrix = {
  hosts: HOSTS.map((name, i) => ({ name, primary: i === 0, status: name === OFFLINE ? 'offline' : 'online', message: name === OFFLINE ? REASON : null, checkedAt: '2026-12-03T10:00:00.000Z' })),
  models: names.map((name, row) => ({
    name,
    cells: Object.fromEntries(
      HOSTS.map((h, col) => [h, h === OFFLINE ? cell('offline') : col === 0 || (name === V1 && h === 'gpu-box') ? cell('available') : name === V2 && h === 'gpu-box' ? cell('outdated') : cell(STATES[(row + col) % STATES.length]!, 37.4)]),
    ),
  })),
  baseModels: ['llama3:latest', 'qwen3:30b'].map((name, row) => ({
    name,
    cells: Object.fromEntries(HOSTS.map((h, col) => [h, h === OFFLINE ? cell('offline') : cell((row + col) % 2 === 0 ? 'available' : 'missing')])),
  })),
};

const plan = {
  createdAt: '2026-12-03T10:01:00.000Z',
  prune: false,
  changes: 3,
  hosts: HOSTS.map((name, i) => ({
    host: name,
    primary: i === 0,
    online: name !== OFFLINE,
    message: name === OFFLINE ? REASON : null,
    actions:
      name === 'gpu-box'
        ? [
            { kind: 'pull', model: 'qwen3:30b', reason: `${V2} is built on it` },
            { kind: 'create', model: V2, reason: 'outdated', requestSha256: 'b'.repeat(64) },
            { kind: 'preload', model: V1 },
          ]
        : [],
    skipped: name === 'gpu-box' ? [{ model: 'team/assistant-0003-with-a-rather-long-name-v4', reason: 'its Modelfile has 2 problems' }] : [],
  })),
};

const applyJob = {
  id: 'apply-1',
  kind: 'apply',
  target: 'all hosts',
  host: null,
  state: 'running',
  createdAt: new Date().toISOString(),
  startedAt: new Date().toISOString(),
  endedAt: null,
  steps: [],
  progress: { status: 'gpu-box: 1 of 3 done', digest: null, total: 3, completed: 1, percent: 33, bytesPerSecond: null, etaSeconds: null },
  error: null,
  log: [],
};

async function answer(route: Route, value: unknown): Promise<void> {
  await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value }) });
}

async function stubHosts(page: Page): Promise<void> {
  await page.route('**/rpc/hosts.list', (route) => answer(route, hostViews));
  await page.route('**/rpc/hosts.matrix', (route) => answer(route, matrix));
  await page.route('**/rpc/deploy.plan', (route) => answer(route, plan));
  await page.route('**/rpc/deploy.apply', (route) => answer(route, { plan, job: applyJob }));
}

function goHosts(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Hosts', exact: true }).click();
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of [
    { width: 900, height: 600 },
    { width: 1920, height: 1080 },
  ]) {
    test(`the Hosts page in ${scheme} at ${size.width}×${size.height}: the matrix scrolls inside itself, head and names stay`, async ({ page, server }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await stubHosts(page);
      await page.goto(server.url);
      await goHosts(page);
      const grid = page.getByTestId('hosts-matrix');
      await expect(grid.getByTestId('host-header')).toHaveCount(5);
      await expect(grid.locator(`[data-testid="host-header"][data-host="${OFFLINE}"]`)).toContainText('Offline: Ollama is not reachable');
      // Neither the document nor the main area scrolls sideways: only the matrix does.
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, main: document.querySelector('main')!.scrollWidth, mainBox: document.querySelector('main')!.clientWidth }));
      expect(widths.doc).toBeLessThanOrEqual(size.width);
      expect(widths.main).toBeLessThanOrEqual(widths.mainBox + 1);
      // A window of rows, not a thousand.
      expect(await grid.getByTestId('matrix-row').count()).toBeLessThan(60);
      await snap(page, `hosts-${scheme}-${size.width}`);

      // Scrolled down and right: the head stays at the top and the names column at the left.
      await grid.evaluate((el) => {
        el.scrollTop = 20_000;
        el.scrollLeft = 400;
      });
      await page.waitForTimeout(150);
      const gridBox = (await grid.boundingBox())!;
      const headBox = (await grid.locator('.hosts-matrix__head').boundingBox())!;
      expect(Math.abs(headBox.y - gridBox.y)).toBeLessThanOrEqual(2);
      const nameBox = (await grid.locator('.hosts-matrix__name').first().boundingBox())!;
      expect(Math.abs(nameBox.x - gridBox.x)).toBeLessThanOrEqual(2);
      await expect(grid.locator('[data-testid="matrix-row"][data-model^="team/assistant-03"]').first()).toBeVisible();
      await snap(page, `hosts-scrolled-${scheme}-${size.width}`);
    });
  }
}

test('the Hosts page, a cell menu, the plan and its progress read well, in both themes', async ({ page, server }) => {
  // Eight scans of a page with a few hundred cells: more than the default budget on a busy machine.
  test.setTimeout(300_000);
  await stubHosts(page);
  await page.goto(server.url);
  await goHosts(page);
  const grid = page.getByTestId('hosts-matrix');
  await expect(grid.getByTestId('host-header')).toHaveCount(5);
  const findings = await scanBothThemes(page, 'hosts');
  await grid.getByRole('button', { name: `${V2} on gpu-box` }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'hosts-cell-menu')));
  await page.keyboard.press('Escape');
  await page.getByTestId('plan-all').click();
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog.getByTestId('plan-apply')).toBeFocused();
  findings.push(...(await scanBothThemes(page, 'hosts-plan')));
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('apply-progress')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'hosts-apply')));
  expect(findings).toEqual([]);
});

test('Settings → Hosts and its dialog read well, in both themes', async ({ page, server }) => {
  test.setTimeout(200_000);
  await stubHosts(page);
  await page.goto(server.url);
  const findings: Finding[] = [];
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('hosts-setting').getByTestId('host-row')).toHaveCount(5);
  await page.getByTestId('hosts-setting').scrollIntoViewIfNeeded();
  findings.push(...(await scanBothThemes(page, 'settings-hosts')));
  await page.getByRole('button', { name: 'Edit gpu-box' }).click();
  await expect(page.getByTestId('host-dialog')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'settings-host-dialog')));
  expect(findings).toEqual([]);
});

test('plan and apply by keyboard alone, from the page to the progress and back', async ({ page, server }) => {
  await stubHosts(page);
  await page.goto(server.url);
  await goHosts(page);
  await expect(page.getByTestId('hosts-matrix').getByTestId('host-header')).toHaveCount(5);
  await page.getByTestId('plan-all').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('plan-dialog');
  await expect(dialog.getByTestId('plan-summary')).toHaveText('3 changes on 1 host. Nothing changes until you apply.');
  await expect(dialog.locator('[data-testid="plan-host"][data-host="gpu-box"]').getByTestId('plan-action').nth(1)).toHaveText(
    `Create ${V2} — outdated: its Modelfile changed since it was built there`,
  );
  await expect(dialog.getByTestId('plan-apply')).toBeFocused();
  // Tab stays inside the dialog.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await dialog.getByTestId('plan-apply').focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('apply-summary')).toHaveText('Applying 3 changes on gpu-box…');
  await expect(dialog.getByTestId('apply-count')).toHaveText('1 of 3 done');
  await snap(page, 'hosts-apply-progress');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-all')).toBeFocused();
});
