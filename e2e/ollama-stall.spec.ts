import type { Page } from '@playwright/test';
import { expect, snap, test } from './support/fixtures';

/**
 * Issue 9.9 end to end: with Ollama accepting a pull and then sending nothing, the wait shows
 * within seconds ("No answer from Ollama for N s") and Cancel ends the job within a second. The
 * stall limit is a minute here (600 s by default), so only Cancel can end the job in this test.
 * (Other models' jobs running meanwhile is covered by tests/integration/ollama-stalls.test.ts.)
 */

test.use({ serveArgs: ['--ollama-stall-timeout', '60'] });

function go(page: Page, name: 'Base models' | 'Jobs') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
}

test('a stalled pull shows the wait within seconds and cancels at once', async ({ page, server, fake }) => {
  fake.hangNext({ path: '/api/pull' });
  await page.goto(server.url);
  await go(page, 'Base models');
  await page.locator('[data-testid="base-model-row"][data-model-name="qwen3:30b"]').getByTestId('base-pull').click();
  // The notice comes after 5 s of silence; "within seconds" is the promise.
  await expect(page.getByTestId('base-model-detail').getByTestId('job-waiting')).toContainText(/No answer from Ollama for \d+ s/, { timeout: 10_000 });

  await go(page, 'Jobs');
  const stalled = page.locator('[data-testid="job-panel"][data-job-kind="pull"]').first();
  await expect(stalled).toHaveAttribute('data-job-state', 'running');
  await expect(stalled.getByTestId('job-waiting')).toContainText(/No answer from Ollama for \d+ s/);
  await snap(page, 'job-waiting-on-ollama');

  // Timed from the click's dispatch (Playwright's own checks before it are not the app's time).
  await stalled.getByTestId('job-cancel').click();
  const clicked = Date.now();
  await expect(stalled).toHaveAttribute('data-job-state', 'cancelled', { timeout: 1_000 });
  console.log(`[figures] stalled pull: Cancel click to "cancelled" on screen in ${Date.now() - clicked} ms`);
  expect(fake.cancellations.some((c) => c.path === '/api/pull')).toBe(true);
});
