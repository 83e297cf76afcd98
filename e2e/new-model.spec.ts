import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { card, expect, snap, test } from './support/fixtures';

const NAME = 'team/assistant-v1';

test('make a new model from a base: a pending card and the editor on its starter Modelfile', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(server.url);
  await page.locator('.page__header').getByTestId('new-model').click();
  const dialog = page.getByTestId('new-model-dialog');
  await dialog.getByTestId('new-model-name').fill(NAME);
  await dialog.getByTestId('new-model-display').fill('Team Assistant');
  await dialog.getByTestId('new-model-description').fill('Answers questions from the team');
  await dialog.getByTestId('base-model-select').selectOption('llama3:latest');
  await expect(dialog.getByTestId('new-model-submit')).toBeEnabled();
  await dialog.getByTestId('new-model-submit').click();
  await expect(dialog).toHaveCount(0);

  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${NAME}"]`);
  await expect(detail.getByRole('tab', { name: 'Modelfile' })).toHaveAttribute('aria-selected', 'true');
  await expect(detail.locator('.cm-content')).toContainText('FROM llama3:latest');
  await expect(detail.locator('.cm-content')).toContainText('You are a helpful assistant.');
  const text = await readFile(join(server.workspace, 'models/Modelfile.team-assistant-v1'), 'utf8');
  expect(text.startsWith('FROM llama3:latest\n')).toBe(true);
  await snap(page, 'new-model');

  // The Versions tab fits at 1280 px: short visible labels, the full name for assistive tech.
  await detail.getByRole('tab', { name: 'Versions' }).click();
  await expect(detail.getByRole('button', { name: 'New version from Team Assistant' })).toHaveText('New version');
  const wrap = detail.locator('.versions .table-wrap');
  expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(card(page, NAME).getByTestId('status-chip')).toHaveText('Pending');
});
