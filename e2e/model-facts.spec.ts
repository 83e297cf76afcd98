import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { card, expect, snap, test } from './support/fixtures';

const V1 = 'peteollama:property-manager-v1';

test("read a model's facts and estimate, change its context size, and see it out of date", async ({ page, server }) => {
  await page.goto(server.url);
  const v1 = card(page, V1);
  await v1.getByTestId('model-card-open').click();
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V1}"]`);
  const facts = detail.getByTestId('model-facts');
  await expect(facts.getByTestId('fact-architecture')).toHaveText('llama');
  await expect(facts.getByTestId('fact-context')).toContainText('server default');

  const slider = detail.getByTestId('context-slider');
  await slider.fill('8192');
  await expect(detail.getByTestId('estimate-context')).toHaveText('8192');
  await detail.getByTestId('free-memory').fill('4');
  await expect(detail.getByTestId('estimate-verdict')).toHaveAttribute('data-verdict', 'does-not-fit');
  await snap(page, 'model-facts-estimate');

  await detail.getByTestId('set-context').click();
  await expect(detail.getByTestId('context-saved')).toBeVisible();
  const text = await readFile(join(server.workspace, 'models/Modelfile.enhanced'), 'utf8');
  expect(text).toMatch(/^PARAMETER num_ctx 8192$/m);
  // Rebuild, as offered: the build records which Modelfile it was made from.
  await detail.getByTestId('context-rebuild').click();
  await expect(detail.locator('.detail__head').getByTestId('status-chip')).toHaveText('Available', { timeout: 30_000 });
  await expect(v1).not.toHaveAttribute('data-outdated', 'true', { timeout: 15_000 });

  // Another context size after that build: the model is out of date until rebuilt again.
  await detail.getByRole('tab', { name: 'Overview' }).click();
  // The rebuilt model has a new digest: its facts are read again and say where its context comes from.
  await expect(facts.getByTestId('fact-context')).toHaveText('8192, from PARAMETER num_ctx in its Modelfile');
  await detail.getByTestId('context-slider').fill('4096');
  await detail.getByTestId('set-context').click();
  await expect(detail.getByTestId('context-saved')).toContainText('num_ctx 4096');
  await expect(v1).toHaveAttribute('data-outdated', 'true', { timeout: 15_000 });
  await snap(page, 'model-facts-context-set');
});
