import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

function go(page: Page, name: 'Models' | 'Base models' | 'Jobs' | 'Settings') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
}

test('pull a base model with progress by keyboard, cancel it, then resume it to the end', async ({ page, server, fake }) => {
  // Slow enough that the pull is still running when Cancel is pressed (about 8 s for the big layer).
  fake.setPull({ steps: 40, stepMs: 200 });
  await page.goto(server.url);
  await go(page, 'Base models');
  const qwen = page.locator('[data-testid="base-model-row"][data-model-name="qwen3:30b"]');
  await expect(qwen).toHaveAttribute('data-ollama', 'no');

  await qwen.getByTestId('base-pull').focus();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('base-model-detail');
  await expect(detail.getByTestId('job-bytes')).toContainText(/ of 18(\.6)? GB/);
  await expect(detail.getByTestId('job-percent')).toHaveText(/\d+%/);
  await expect(detail.getByTestId('job-eta')).toContainText('left');
  await expect(page.getByTestId('status-job')).toContainText('Pulling qwen3:30b');
  await snap(page, 'base-model-pulling');

  await qwen.getByTestId('base-cancel').click();
  await expect(qwen.getByTestId('base-resume')).toBeVisible();
  expect(fake.hasModel('qwen3:30b')).toBe(false);
  await snap(page, 'base-model-pull-cancelled');

  fake.setPull({ steps: 4, stepMs: 50 });
  await qwen.getByTestId('base-resume').click();
  await expect(qwen).toHaveAttribute('data-ollama', 'yes', { timeout: 30_000 });
  await expect(qwen.getByTestId('status-chip')).toHaveText('Available');
  expect(fake.hasModel('qwen3:30b')).toBe(true);

  // The Jobs page keeps both pulls: the cancelled one and the resumed one, whose log says so.
  await go(page, 'Jobs');
  await page.getByTestId('jobs-filter-kind').selectOption('pull');
  const panels = page.getByTestId('job-panel');
  await expect(panels).toHaveCount(2);
  await expect(panels.nth(0)).toHaveAttribute('data-job-state', 'succeeded');
  await expect(panels.nth(1)).toHaveAttribute('data-job-state', 'cancelled');
  await panels.nth(0).getByText(/^Log \(/).click();
  await expect(panels.nth(0).locator('.job-panel__log')).toContainText('Resuming pulling');
  await snap(page, 'jobs-pull-history');
});

test('the auto_preload model is loaded at start; unload it from the status bar and load it again from its page', async ({ page, server, fake }) => {
  await page.goto(server.url);
  const chip = page.locator(`[data-testid="running-chip"][data-model-name="${V1}"]`);
  await expect(chip).toContainText('PeteOllama Property Manager v1');
  await expect(chip.getByTestId('running-countdown')).toHaveText(/^\d+:\d\d$/);
  expect(fake.loadedModels()).toEqual([V1]);
  await snap(page, 'running-status-bar');

  await page.getByTestId('running-models').click();
  const panel = page.getByRole('dialog', { name: 'Models in memory' });
  await expect(panel.getByTestId('running-row')).toHaveCount(1);
  await snap(page, 'running-panel');
  await panel.getByTestId('running-unload').click();
  await expect(page.getByTestId('running-models')).toHaveText('No models in memory');
  expect(fake.loadedModels()).toEqual([]);
  await page.keyboard.press('Escape');

  await card(page, V1).getByRole('button', { name: 'PeteOllama Property Manager v1' }).first().click();
  await page.getByRole('button', { name: 'Load options for PeteOllama Property Manager v1' }).click();
  await page.getByRole('menuitem', { name: 'Keep loaded until unloaded' }).click();
  await expect(page.getByTestId('running-models')).toHaveText('1 model in memory');
  await expect(chip.getByTestId('running-countdown')).toHaveText('∞');
  expect(fake.lastRequest('/api/generate')?.body).toEqual({ model: V1, prompt: '', stream: false, keep_alive: -1 });
});

test('export the registry, then import an edited copy applying only the ticked change', async ({ page, server }) => {
  await page.goto(server.url);
  await go(page, 'Settings');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(download.suggestedFilename()).toMatch(/-model_settings-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as { models: Record<string, Record<string, unknown>> };
  expect(exported.models[V1]?.is_jamie_model).toBe(true);

  exported.models[V1]!.description = 'Edited elsewhere';
  exported.models[V2]!.description = 'Also edited elsewhere';
  exported.models['team:helper-v1'] = { name: 'team:helper-v1', display_name: 'Team helper v1', modelfile: 'models/Modelfile.enhanced', team_owner: 'ada' };
  const edited = join(server.workspace, '..', 'edited.json');
  await writeFile(edited, JSON.stringify(exported, null, 2));

  await page.getByTestId('import-file').setInputFiles(edited);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toHaveText('1 new · 2 changed · 2 the same');
  const item = (name: string) => dialog.locator(`[data-testid="import-item"][data-name="${name}"]`);
  await expect(item('team:helper-v1').getByRole('checkbox')).toBeChecked();
  await expect(item(V1).getByRole('checkbox')).not.toBeChecked();
  await item(V1).getByRole('checkbox').check();
  await snap(page, 'import-plan');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog.getByTestId('import-done')).toContainText('Added 1, changed 1');

  const registry = JSON.parse(await readFile(join(server.workspace, 'model_settings.json'), 'utf8')) as { models: Record<string, Record<string, unknown>> };
  expect(registry.models[V1]).toMatchObject({ description: 'Edited elsewhere', is_jamie_model: true });
  expect(registry.models[V2]?.description).toBe('Property management model v2 trained on qwen3');
  expect(registry.models['team:helper-v1']).toMatchObject({ team_owner: 'ada', status: 'pending' });
});
