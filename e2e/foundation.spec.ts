import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { card, expect, snap, test } from './support/fixtures';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

test('shows the seed models with the statuses Ollama reports, in light and dark', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('connection-strip')).toHaveAttribute('data-status', 'online');
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  await expect(card(page, V2).getByTestId('status-chip')).toHaveText('Pending');
  await expect(card(page, V1)).toContainText('PeteOllama Property Manager v1');
  await expect(card(page, V1).getByTestId('marker-default')).toBeVisible();
  // The token left the address bar once the page had it.
  expect(page.url()).not.toContain('token=');
  await snap(page, 'models-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  // Let the buttons' colour transitions finish before the picture.
  await page.waitForTimeout(300);
  await snap(page, 'models-dark');
});

test('Ollama going offline changes no status and says what to do; coming back clears it', async ({ page, server, fake }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

  await fake.setOffline(true);
  // No click needed: the app notices by itself (e2e/connection.spec.ts measures how fast).
  const strip = page.getByTestId('connection-strip');
  await expect(strip).toHaveAttribute('data-status', 'offline');
  await expect(strip).toContainText('ollama serve');
  await expect(strip).toContainText('Reason: connection refused.');
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  await expect(card(page, V2).getByTestId('status-chip')).toHaveText('Pending');
  const registry = JSON.parse(await readFile(join(server.workspace, 'model_settings.json'), 'utf8')) as {
    models: Record<string, { status: string }>;
  };
  expect(registry.models[V1]?.status).toBe('available');
  await snap(page, 'offline');

  await fake.setOffline(false);
  await strip.getByRole('button', { name: 'Check again' }).click();
  await expect(strip).toHaveAttribute('data-status', 'online');
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
});

test('a model removed from Ollama turns missing after a sync', async ({ page, server, fake }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  fake.removeModel(V1);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Missing');
});

test('a registry file with a syntax error is kept aside, not reset, and the UI says why', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1)).toBeVisible();
  const file = join(server.workspace, 'model_settings.json');
  const broken = (await readFile(file, 'utf8')).replace('"show_in_ui": true,', '"show_in_ui": true,,');
  await writeFile(file, broken);

  const problem = page.getByTestId('registry-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(/line \d+/i);
  await expect(problem).toContainText('model_settings.json.invalid-');
  // The last good state stays on screen; the broken file is untouched.
  await expect(card(page, V1)).toBeVisible();
  expect(await readFile(file, 'utf8')).toBe(broken);
  await snap(page, 'registry-problem');
});

test.describe('an empty workspace', () => {
  test.use({ registry: { default_model: null, models: {}, base_models: {} } });
  test('explains itself and lists what Ollama has', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByTestId('empty-workspace')).toBeVisible();
    await expect(page.getByTestId('discovered-section')).toContainText('llama3:latest');
    await snap(page, 'empty-workspace');
  });
});

test.describe('a workspace with 1,000 models', () => {
  test.use({ registry: thousandModels() });
  test('stays usable: filters answer and only a window of cards is rendered', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByTestId('models-summary')).toContainText(/1,?000 models/);
    const rendered = await page.getByTestId('model-card').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);
    await snap(page, 'thousand-models');
    await page.getByRole('searchbox', { name: 'Search models' }).fill('model number 500 ');
    await expect(page.getByTestId('model-card')).toHaveCount(1);
  });
});

function thousandModels(): Record<string, unknown> {
  const models: Record<string, unknown> = {};
  for (let i = 1; i <= 1000; i++) {
    const family = `family-${String(i % 97).padStart(2, '0')}`;
    const name = `team/${family}-with-a-rather-long-name-v${Math.ceil(i / 97)}`;
    models[name] = {
      name,
      display_name: i % 10 === 0 ? `An unusually long display name for model number ${i} that must truncate` : `Model ${i}`,
      description: `Model ${i}: ${'a description that goes on '.repeat(i % 5 + 1)}`,
      version: `v${Math.ceil(i / 97)}`,
      base_model: i % 2 ? 'llama3:latest' : 'qwen3:30b',
      modelfile: 'models/Modelfile.enhanced',
      show_in_ui: i % 3 !== 0,
      auto_preload: false,
      status: (['pending', 'available', 'missing', 'failed'] as const)[i % 4],
    };
  }
  return { default_model: null, models, base_models: {} };
}
