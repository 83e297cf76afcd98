import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './support/fixtures';

/** Failures say what happened and what to do, once, and offer nothing that cannot work. */

function go(page: Page, name: 'Base models' | 'Settings') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}

test('pulling a name the library lacks says it was not found, and offers no resume', async ({ page, server }) => {
  await page.goto(server.url);
  await go(page, 'Base models');
  await page.getByRole('button', { name: 'Add base model' }).click();
  const dialog = page.getByTestId('add-base-dialog');
  await dialog.getByLabel('Name in Ollama').fill('nosuch:model');
  await dialog.getByRole('button', { name: 'Add' }).click();
  const row = page.locator('[data-testid="base-model-row"][data-model-name="nosuch:model"]');
  await row.getByTestId('base-pull').click();
  const problem = page.getByTestId('base-pull-error');
  await expect(problem).toContainText('nosuch:model was not found in the Ollama library. Check the name and tag');
  await expect(problem).not.toContainText('manifest');
  await expect(problem).not.toContainText('Resume');
  await expect(row.getByTestId('base-resume')).toHaveCount(0);
  // Said once: the failure toast names it, without a button that would only fail again.
  const toast = page.getByTestId('notification').filter({ hasText: 'nosuch:model' });
  await expect(toast).toHaveCount(1);
  await expect(toast.getByRole('button', { name: /again|resume/i })).toHaveCount(0);
  await snap(page, 'pull-not-found');
});

test('an import with one bad entry marks it once and imports the valid ones', async ({ page, server }) => {
  await page.goto(server.url);
  await go(page, 'Settings');
  const file = join(server.workspace, '..', 'mixed.json');
  await writeFile(
    file,
    JSON.stringify({
      models: {
        'team:bad-v1': { name: 'team:bad-v1', display_name: 'Bad', show_in_ui: 'yes' },
        'team:good-v1': { name: 'team:good-v1', display_name: 'Good one', modelfile: 'models/Modelfile.enhanced' },
      },
    }),
  );
  await page.getByTestId('import-file').setInputFiles(file);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-summary')).toHaveText('1 new · 0 changed · 0 the same · 1 cannot be imported');
  const bad = dialog.locator('[data-testid="import-item"][data-name="team:bad-v1"]');
  await expect(bad).toContainText('show_in_ui: expected boolean, received string');
  await expect(bad.getByRole('checkbox')).toBeDisabled();
  // The problem is said once in the whole dialog.
  expect((await dialog.textContent())?.split('show_in_ui').length).toBe(2);
  await snap(page, 'import-bad-entry');
  await dialog.getByTestId('import-apply').click();
  await expect(dialog.getByTestId('import-done')).toContainText('Added 1, changed 0');
});
