import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HF_LIBRARY } from '../tests/support/fake-ollama';
import { card, expect, snap, test } from './support/fixtures';

const NAME = 'tiny-v1';
const REPO = 'hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF';

test('a new model from a Hugging Face F16 base, quantized to Q4_K_M at create, all by keyboard', async ({ page, server, fake }) => {
  for (const seed of HF_LIBRARY) fake.addToLibrary(seed);
  await page.goto(server.url);
  await page.locator('.page__header').getByTestId('new-model').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('new-model-dialog');
  const name = dialog.getByTestId('new-model-name');
  await expect(name).toBeFocused();
  await page.keyboard.type(NAME);

  // Nothing to quantize before there is a base: the control says so instead of vanishing.
  const quantize = dialog.getByTestId('quantize-select');
  await expect(quantize).toBeDisabled();
  await expect(dialog.locator('#' + (await quantize.getAttribute('aria-describedby')))).toHaveText('Choose a base model first.');

  // "Another model…" by its first letter, then the name typed.
  await dialog.getByTestId('base-model-select').focus();
  await page.keyboard.press('a');
  const other = dialog.getByTestId('base-model-other');
  await expect(other).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(other).toBeFocused();

  // A half-typed Hugging Face name is explained, and cannot be submitted.
  await page.keyboard.type('hf.co/bartowski');
  await expect(dialog.getByTestId('base_model-error')).toContainText('needs a user and a repository');
  await expect(dialog.getByTestId('new-model-submit')).toBeDisabled();

  // No tag: Hugging Face serves Q4_K_M, which Ollama cannot quantize again.
  await page.keyboard.type('/Llama-3.2-1B-Instruct-GGUF');
  await expect(dialog.getByTestId('base_model-error')).toHaveCount(0);
  await expect(quantize).toBeDisabled();
  const reason = dialog.locator('#' + (await quantize.getAttribute('aria-describedby')));
  await expect(reason).toContainText('is already quantized (its tag asks for Q4_K_M); Ollama quantizes only F16, BF16 or F32 weights');
  await snap(page, 'hf-quantize-disabled');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'hf-quantize-disabled-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The F16 file can be quantized.
  await page.keyboard.type(':F16');
  await expect(quantize).toBeEnabled();
  await expect(reason).toContainText('The base is F16');
  await page.keyboard.press('Tab');
  await expect(quantize).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(quantize).toHaveValue('Q4_K_M');
  await snap(page, 'hf-quantize-dialog');

  await dialog.getByTestId('new-model-submit').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const registry = JSON.parse(await readFile(join(server.workspace, 'model_settings.json'), 'utf8')) as { models: Record<string, Record<string, unknown>> };
  expect(registry.models[NAME]).toMatchObject({ base_model: `${REPO}:F16`, quantize: 'Q4_K_M', status: 'pending' });

  // Create from the editor: Ollama lacks the base, so pulling it first is offered (and focused).
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${NAME}"]`);
  await expect(detail.locator('.cm-content')).toContainText(`FROM ${REPO}:F16`);
  await detail.getByTestId('editor-create').focus();
  await page.keyboard.press('Enter');
  const missing = page.getByTestId('base-missing');
  await expect(missing).toContainText(`${REPO}:F16`);
  await page.keyboard.press('Enter');

  const panel = page.getByTestId('job-panel').first();
  await expect(panel.getByTestId('job-progress-bar')).toBeVisible();
  await snap(page, 'hf-quantize-progress');
  await expect(panel.getByTestId('job-step').filter({ hasText: 'quantizing F16 model to Q4_K_M' })).toHaveCount(1, { timeout: 30_000 });

  await page.keyboard.press('Escape');
  await expect(card(page, NAME).getByTestId('status-chip')).toHaveText('Available', { timeout: 30_000 });
  await snap(page, 'hf-quantize-done');
  expect(fake.createRequestOf(NAME)).toMatchObject({ model: NAME, from: `${REPO}:F16`, quantize: 'Q4_K_M' });
  expect(fake.model(NAME)?.quantizationLevel).toBe('Q4_K_M');
  expect(fake.hasModel(`${REPO}:F16`)).toBe(true);

  // The setting lives with the entry, in the Overview.
  await card(page, NAME).getByTestId('model-card-open').focus();
  await page.keyboard.press('Enter');
  await detail.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('overview-quantize-select')).toHaveValue('Q4_K_M');
  await detail.getByTestId('overview-quantize').scrollIntoViewIfNeeded();
  await snap(page, 'hf-quantize-overview');
});
