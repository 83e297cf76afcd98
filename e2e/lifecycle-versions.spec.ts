import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { card, expect, snap, test } from './support/fixtures';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const V3 = 'peteollama:property-manager-v3';

test('make v3 from v2 with another base by keyboard, build it, and see the family side by side', async ({ page, server, fake }) => {
  await page.goto(server.url);
  const v2 = card(page, V2);
  await expect(v2.getByTestId('status-chip')).toHaveText('Pending');

  // The card's menu, by keyboard: open it, go to "New version…".
  await v2.getByRole('button', { name: /Actions for/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'New version…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('new-version-dialog');
  await expect(dialog.getByTestId('new-version-name')).toHaveValue(V3);
  await expect(dialog.getByTestId('new-version-display')).toHaveValue('PeteOllama Property Manager v3');
  await dialog.getByTestId('base-model-select').selectOption('llama3:latest');
  await expect(dialog.getByTestId('new-version-description')).toHaveValue('Property management model v3 trained on llama3');
  await snap(page, 'new-version-dialog');
  await dialog.getByTestId('new-version-submit').click();

  // The editor opens on the copy, which builds FROM the chosen base.
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V3}"]`);
  await expect(detail.getByRole('tab', { name: 'Modelfile' })).toHaveAttribute('aria-selected', 'true');
  await expect(detail.locator('.cm-content')).toContainText('FROM llama3:latest');
  const copy = await readFile(join(server.workspace, 'models/Modelfile.peteollama-property-manager-v3'), 'utf8');
  const source = await readFile(join(server.workspace, 'models/Modelfile.qwen-enhanced'), 'utf8');
  expect(copy).toBe(source.replace('FROM qwen3:30b', 'FROM llama3:latest'));

  await detail.getByTestId('editor-create').click();
  await expect(detail.locator('.detail__head').getByTestId('status-chip')).toHaveText('Available', { timeout: 30_000 });
  expect(fake.createRequestOf(V3)).toMatchObject({ model: V3, from: 'llama3:latest' });

  await detail.getByRole('tab', { name: 'Versions' }).click();
  const rows = detail.getByTestId('version-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toHaveAttribute('data-model-name', V3);
  await expect(rows.nth(0).getByTestId('status-chip')).toHaveText('Available');
  await expect(rows.nth(0).getByTestId('version-freshness')).toHaveText('Up to date');
  await expect(rows.nth(1).getByTestId('status-chip')).toHaveText('Pending');
  await expect(rows.nth(2)).toHaveAttribute('data-model-name', V1);
  await snap(page, 'versions-tab');
});

test('adopt a discovered model, then rename and delete it', async ({ page, server, fake }) => {
  fake.addModel({ name: 'landlord-helper-v2:latest', parentModel: 'llama3:latest', system: 'You help landlords.' });
  await page.goto(server.url);
  const row = page.locator('[data-testid="discovered-model"][data-model-name="landlord-helper-v2:latest"]');
  await row.getByTestId('discovered-adopt').click();
  const adopt = page.getByTestId('adopt-dialog');
  await expect(adopt.getByTestId('adopt-display')).toHaveValue('Landlord Helper v2');
  await adopt.getByTestId('adopt-display').fill('Landlord Helper');
  await snap(page, 'adopt-dialog');
  await adopt.getByTestId('adopt-submit').click();
  const adopted = card(page, 'landlord-helper-v2:latest');
  await expect(adopted.getByTestId('status-chip')).toHaveText('Available');
  await expect(row).toHaveCount(0);
  const text = await readFile(join(server.workspace, 'models/Modelfile.landlord-helper-v2-latest'), 'utf8');
  expect(text).toContain('FROM llama3:latest');

  // Rename from its Overview: Ollama gets the new name too.
  await adopted.getByTestId('model-card-open').click();
  const detail = page.getByTestId('model-detail');
  // Fields edit in place: the display name saves when focus leaves it.
  await detail.getByTestId('field-description').fill('Helps landlords with leases');
  await detail.getByTestId('field-description').blur();
  await expect(detail.locator('.inline-field__state').filter({ hasText: 'Saved' })).toHaveCount(1);
  await snap(page, 'overview-editor');
  await detail.getByTestId('overview-rename').click();
  const rename = page.getByTestId('rename-dialog');
  await rename.getByTestId('rename-name').fill('landlord-helper-v3');
  await rename.getByTestId('rename-submit').click();
  await expect(detail).toHaveAttribute('data-model-name', 'landlord-helper-v3');
  expect(fake.hasModel('landlord-helper-v3')).toBe(true);
  expect(fake.hasModel('landlord-helper-v2:latest')).toBe(false);

  // Delete from the registry and Ollama, with the Modelfile.
  await detail.getByRole('button', { name: /More actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const del = page.getByTestId('delete-dialog');
  await del.getByTestId('delete-scope-ollama').check();
  await del.getByTestId('delete-modelfile').check();
  await expect(del.getByTestId('delete-summary')).toContainText('Delete landlord-helper-v3 from Ollama');
  await snap(page, 'delete-dialog');
  await del.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('model-detail')).toHaveCount(0);
  await expect(card(page, 'landlord-helper-v3')).toHaveCount(0);
  expect(fake.hasModel('landlord-helper-v3')).toBe(false);
});
