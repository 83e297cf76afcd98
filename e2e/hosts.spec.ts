import type { Page } from '@playwright/test';
import { LLAMA3, QWEN3_30B, startFakeOllama, type FakeOllama } from '../tests/support/fake-ollama';
import { scanBothThemes } from './support/axe';
import { card, expect, snap, test } from './support/fixtures';

/*
 * Several hosts end to end, against two real fake Ollamas: add a second host in Settings, see the
 * matrix, deploy v2 to it with progress, plan and apply the whole host by keyboard, then take the
 * host away. hosts-layout.spec.ts checks the layout and accessibility with the calls answered in
 * the page; this one runs the real services.
 */

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const GPU = 'gpu-box';

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
}

function cellOf(page: Page, model: string, host: string) {
  return page.locator(`[data-testid="host-cell"][data-model="${model}"][data-host="${host}"]`);
}

async function addHost(page: Page, gpu: FakeOllama): Promise<void> {
  await nav(page, 'Settings').click();
  await page.getByTestId('add-host').click();
  const dialog = page.getByTestId('host-dialog');
  await dialog.getByTestId('host-name').fill(GPU);
  await dialog.getByTestId('host-url').fill(gpu.url);
  await dialog.getByTestId('host-save').click();
  await expect(dialog).toBeHidden();
  const row = page.locator(`[data-testid="host-row"][data-host="${GPU}"]`);
  await expect(row.getByTestId('host-connection')).toHaveText(/^Online · Ollama /);
  await snap(page, 'hosts-settings-added');
}

test.describe('several hosts', () => {
  let gpu: FakeOllama;
  test.beforeEach(async () => {
    // The second machine: it has the base v1 needs, and can pull the one v2 needs, slowly enough to watch.
    gpu = await startFakeOllama({ models: [LLAMA3], library: [LLAMA3, QWEN3_30B], pull: { steps: 12, stepMs: 120 } });
  });
  test.afterEach(async () => {
    await gpu.close();
  });

  test('add a host, see the matrix, deploy v2 to it with progress, plan and apply the host by keyboard', async ({ page, server }) => {
    test.setTimeout(300_000);
    await page.goto(server.url);
    await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
    await addHost(page, gpu);

    // The matrix: both hosts, the registry's models missing on the new one.
    await nav(page, 'Hosts').click();
    const headers = page.getByTestId('host-header');
    await expect(headers).toHaveCount(2);
    await expect(headers.first()).toContainText('Primary');
    await expect(cellOf(page, V1, 'local').getByTestId('cell-chip')).toHaveText('Available');
    await expect(cellOf(page, V1, GPU).getByTestId('cell-chip')).toHaveText('Missing');
    await expect(cellOf(page, V2, GPU).getByTestId('cell-chip')).toHaveText('Missing');

    // Deploy v2 to the new host from its cell, by keyboard; the cell shows the job's progress.
    await cellOf(page, V2, GPU).getByRole('button', { name: `${V2} on ${GPU}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: `Deploy to ${GPU}` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(cellOf(page, V2, GPU).getByRole('progressbar')).toBeVisible();
    await expect(cellOf(page, V2, GPU).getByTestId('cell-chip')).toHaveText(/^Building/);
    await snap(page, 'hosts-deploying');
    await expect(cellOf(page, V2, GPU).getByTestId('cell-chip')).toHaveText('Available', { timeout: 60_000 });
    // The primary was not touched.
    await expect(cellOf(page, V1, 'local').getByTestId('cell-chip')).toHaveText('Available');

    // Plan the whole host from its column, apply by keyboard, watch it finish.
    await page.locator(`[data-testid="host-header"][data-host="${GPU}"]`).getByRole('button', { name: `Host ${GPU}` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: `Plan for ${GPU}…` })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('plan-dialog');
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(`Plan for ${GPU}`);
    await expect(dialog.getByTestId('plan-action').first()).toHaveText(`Create ${V1} — not on this host yet`);
    await expect(dialog.getByTestId('plan-apply')).toBeFocused();
    await snap(page, 'hosts-plan');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('apply-progress')).toBeVisible();
    await expect(dialog.getByTestId('apply-child').first()).toBeVisible();
    await snap(page, 'hosts-applying');
    await expect(dialog.getByTestId('apply-summary')).toHaveText(/^Applied 2 changes/, { timeout: 60_000 });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(cellOf(page, V1, GPU).getByTestId('cell-chip')).toHaveText('Available');

    // A second plan for that host has nothing to do (the primary still lacks v2: not asked).
    const hostMenu = page.locator(`[data-testid="host-header"][data-host="${GPU}"]`).getByRole('button', { name: `Host ${GPU}` });
    await hostMenu.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('plan-summary')).toHaveText('Nothing to do: every host here matches the registry.');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The host goes away: its column says so; nothing on the primary changes, nothing turns missing.
    await gpu.close();
    const gpuHeader = page.locator(`[data-testid="host-header"][data-host="${GPU}"]`);
    await expect(gpuHeader.getByTestId('host-state')).toHaveText(/^Offline: /, { timeout: 30_000 });
    await expect(cellOf(page, V1, GPU).getByTestId('cell-chip')).toHaveText('Offline');
    await expect(cellOf(page, V1, 'local').getByTestId('cell-chip')).toHaveText('Available');
    await nav(page, 'Models').click();
    await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  });

  for (const size of [
    { width: 900, height: 600 },
    { width: 1920, height: 1080 },
  ]) {
    test(`the matrix with two hosts at ${size.width}×${size.height}, light and dark, with no serious accessibility finding`, async ({ page, server }) => {
      test.setTimeout(200_000);
      await page.setViewportSize(size);
      await page.goto(server.url);
      await addHost(page, gpu);
      await nav(page, 'Hosts').click();
      await expect(page.getByTestId('host-header')).toHaveCount(2);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await snap(page, `hosts-real-${scheme}-${size.width}`);
      }
      const findings = await scanBothThemes(page, `hosts-real-${size.width}`);
      await page.getByTestId('plan-all').click();
      await expect(page.getByTestId('plan-summary')).toBeVisible();
      findings.push(...(await scanBothThemes(page, `hosts-real-plan-${size.width}`)));
      expect(findings).toEqual([]);
    });
  }
});
