import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { describeFindings, scanBothThemes, type Finding } from './support/axe';
import { card, expect, snap, test } from './support/fixtures';

/*
 * axe over every page and the states a user meets, in light and dark: 0 serious or critical
 * violations. Each test gathers its states' findings and asserts once, so a failure lists them all.
 */

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

function nav(page: Page, name: string) {
  const main = page.getByRole('navigation', { name: 'Main' });
  // A button today; a link once pages have addresses. Either is fine for this suite.
  return main.getByRole('button', { name, exact: true }).or(main.getByRole('link', { name, exact: true })).first();
}

function expectClean(findings: readonly Finding[]): void {
  expect(findings.length, describeFindings(findings)).toBe(0);
}

test('the models grid and an open dialog', async ({ page, server }) => {
  const findings: Finding[] = [];
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  findings.push(...(await scanBothThemes(page, 'models')));
  await page.getByTestId('new-model').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'dialog-new-model')));
  expectClean(findings);
});

test('a model in each of its tabs, the Modelfile editor included', async ({ page, server }) => {
  // Eight scans of a heavy page: more than the default budget on a busy machine.
  test.slow();
  const findings: Finding[] = [];
  await page.goto(server.url);
  await card(page, V2).getByTestId('model-card-open').click();
  const detail = page.getByTestId('model-detail');
  await expect(detail).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'detail-overview')));
  await detail.getByRole('tab', { name: 'Modelfile' }).click();
  await expect(detail.locator('.cm-content')).toContainText('FROM qwen3:30b');
  await expect(detail.locator('.cm-lineNumbers')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'detail-modelfile')));
  await detail.getByRole('tab', { name: 'Versions' }).click();
  await expect(detail.getByTestId('version-row').first()).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'detail-versions')));
  await detail.getByRole('tab', { name: 'History' }).click();
  findings.push(...(await scanBothThemes(page, 'detail-history')));
  expectClean(findings);
});

test('base models, jobs and settings', async ({ page, server }) => {
  const findings: Finding[] = [];
  await page.goto(server.url);
  await expect(card(page, V1)).toBeVisible();
  await nav(page, 'Base models').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Base models' })).toBeVisible();
  await expect(page.getByText('llama3:latest').first()).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'base-models')));
  await nav(page, 'Jobs').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'jobs')));
  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'settings')));
  expectClean(findings);
});

test('chat with a conversation and a finished reply', async ({ page, server, fake }) => {
  fake.setChat({ tokens: 30, tokensPerSecond: 300 });
  await page.goto(server.url);
  await nav(page, 'Chat').click();
  await page.getByTestId('chat-input').fill('Summarise a lease renewal in one line.');
  await page.keyboard.press('Enter');
  const reply = page.getByTestId('chat-reply').last();
  await expect(reply).toHaveAttribute('data-state', 'complete');
  await expect(reply.getByTestId('reply-timings')).toBeVisible();
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);
  expectClean(await scanBothThemes(page, 'chat'));
});

test('the offline banner and a registry problem', async ({ page, server, fake }) => {
  const findings: Finding[] = [];
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  // The connection monitor notices on its own (Sync now is disabled while Ollama is away).
  await fake.setOffline(true);
  await expect(page.getByTestId('connection-strip')).toHaveAttribute('data-status', 'offline');
  findings.push(...(await scanBothThemes(page, 'offline')));
  await fake.setOffline(false);

  const file = join(server.workspace, 'model_settings.json');
  await writeFile(file, (await readFile(file, 'utf8')).replace('"show_in_ui": true,', '"show_in_ui": true,,'));
  await expect(page.getByTestId('registry-problem')).toBeVisible();
  findings.push(...(await scanBothThemes(page, 'registry-problem')));
  expectClean(findings);
});

test.describe('an empty workspace', () => {
  test.use({ registry: { default_model: null, models: {}, base_models: {} } });
  test('has no serious or critical violations', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByTestId('empty-workspace')).toBeVisible();
    await expect(page.getByTestId('discovered-section')).toContainText('llama3:latest');
    expectClean(await scanBothThemes(page, 'empty-workspace'));
  });
});

test('the first Tab reaches "Skip to main content", which moves focus past the sidebar', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1)).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await snap(page, 'skip-link');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // The next Tab lands in the page, not in the sidebar.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
});
