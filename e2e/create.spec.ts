import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { card, expect, snap, test } from './support/fixtures';

const V2 = 'peteollama:property-manager-v2';

test('edit the v2 Modelfile with live checking, then create it with one click and watch it build', async ({ page, server, fake }) => {
  await page.goto(server.url);
  const v2 = card(page, V2);
  await expect(v2.getByTestId('status-chip')).toHaveText('Pending');

  await v2.getByTestId('model-card-open').click();
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V2}"]`);
  await expect(detail).toBeVisible();
  await detail.getByRole('tab', { name: 'Modelfile' }).click();
  const editor = detail.locator('.cm-content');
  await expect(editor).toContainText('FROM qwen3:30b');

  // A mistake at the end of the file is marked at its line.
  // The cursor ends on the file's last line (empty when the file ends with a newline).
  const lines = (await readFile(join(server.workspace, 'models/Modelfile.qwen-enhanced'), 'utf8')).split('\n').length;
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nPARAMETER temprature 0.5');
  const diagnostic = detail.locator(`[data-testid="diagnostic"][data-line="${lines + 1}"]`);
  await expect(diagnostic).toContainText("unknown parameter 'temprature'");
  await expect(detail.locator('.cm-lintRange-error')).toHaveCount(1);
  await snap(page, 'editor-error');

  // Fixed: the mark goes away.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(detail.getByTestId('diagnostic')).toHaveCount(0);

  // Create: Ollama lacks the base, so the app offers to pull it first.
  await detail.getByTestId('editor-create').click();
  const dialog = page.getByTestId('base-missing');
  await expect(dialog).toContainText('qwen3:30b');
  await dialog.getByRole('button', { name: /Pull qwen3:30b first/ }).click();

  const panel = page.getByTestId('job-panel').first();
  await expect(panel.getByTestId('job-progress-bar')).toBeVisible();
  await expect(panel.getByTestId('job-percent')).toBeVisible();
  await snap(page, 'create-progress');

  await expect(v2.getByTestId('status-chip')).toHaveText('Available', { timeout: 30_000 });
  await snap(page, 'create-done');

  // What Ollama was sent: the current fields, parsed and typed by the app.
  const request = fake.createRequestOf(V2);
  expect(request).not.toBeNull();
  expect(request).not.toHaveProperty('modelfile');
  expect(request).toMatchObject({
    model: V2,
    from: 'qwen3:30b',
    parameters: { stop: ['<|im_start|>', '<|im_end|>'], temperature: 0.7 },
  });
  expect(typeof request?.system).toBe('string');
  expect(request?.template).toContain('<|im_start|>');
});

test('the seed admin route builds a model and answers like the seed', async ({ server, fake, request }) => {
  const headers = { Authorization: `Bearer ${server.token}` };
  const created = await request.post(`${server.origin}/admin/models/create/${V2}`, { headers, timeout: 30_000 });
  expect(created.status()).toBe(200);
  expect(await created.json()).toEqual({ status: 'success', message: `Model ${V2} created successfully` });
  expect(fake.hasModel(V2)).toBe(true);

  const unknown = await request.post(`${server.origin}/admin/models/create/nobody:v1`, { headers });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toHaveProperty('detail');
});
