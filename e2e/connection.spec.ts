import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

/**
 * Issue 10.1 and 10.2 in the browser: with Ollama stopped mid-session the strip says so within
 * 3 s, every action that needs Ollama is disabled with the reason, the registry file does not
 * change whatever is clicked, and the strip clears within 3 s of Ollama's return.
 */

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const REASON = /Ollama is not reachable at http:\/\/127\.0\.0\.1:\d+; start it with “ollama serve”/;

/** Waits for the strip to show `status`, polling every 50 ms (Playwright's expect polls up to 1 s apart, which would blur the figure). */
async function stripStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('[data-testid="connection-strip"]')?.getAttribute('data-status') === wanted,
    status,
    { polling: 50, timeout: 3_000 },
  );
}

test('Ollama stopping mid-session: banner within 3 s, actions disabled, registry untouched, banner clears within 3 s', async ({
  page,
  server,
  fake,
}) => {
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
  await page.goto(server.url);
  const strip = page.getByTestId('connection-strip');
  await expect(strip).toHaveAttribute('data-status', 'online');
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  const registryFile = join(server.workspace, 'model_settings.json');
  const before = await readFile(registryFile);

  // Stopped while nothing calls Ollama: only the monitor can notice.
  const stoppedAt = Date.now();
  await fake.setOffline(true);
  await stripStatus(page, 'offline');
  const offlineSeconds = (Date.now() - stoppedAt) / 1000;
  await expect(strip).toContainText('ollama serve');

  // Models page: Create and Sync now are disabled and say why.
  const create = card(page, V2).getByTestId('model-primary-action');
  const syncNow = page.getByTestId('sync-now');
  for (const button of [create, syncNow]) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', REASON);
    await expect(button).toHaveAccessibleDescription(REASON);
    // A forced click on a disabled button does nothing.
    await button.click({ force: true });
  }
  await snap(page, 'connection-offline-models');

  // The model's page: Load is disabled too.
  await card(page, V1).getByRole('button', { name: 'PeteOllama Property Manager v1' }).first().click();
  const load = page.getByTestId('load-button');
  await expect(load).toBeDisabled();
  await expect(load).toHaveAttribute('title', REASON);
  await load.click({ force: true });
  // Rebuild, in the Modelfile editor.
  await page.getByRole('tab', { name: 'Modelfile' }).click();
  const rebuild = page.getByTestId('editor-create');
  await expect(rebuild).toHaveText('Rebuild');
  await expect(rebuild).toBeDisabled();
  await expect(rebuild).toHaveAttribute('title', REASON);
  await expect(rebuild).toHaveAccessibleDescription(REASON);
  await rebuild.click({ force: true });
  await snap(page, 'connection-offline-detail');

  // Base models: no Pull can start (presence in Ollama is unknown, and pulling needs it).
  await nav('Base models');
  const pulls = page.getByTestId('base-pull');
  for (const pull of await pulls.all()) await expect(pull).toBeDisabled();

  // Chat: Send is disabled even with a message typed.
  await nav('Chat');
  await page.getByTestId('chat-input').fill('Are you there?');
  const send = page.getByTestId('chat-send');
  await expect(send).toBeDisabled();
  await expect(send).toHaveAttribute('title', REASON);
  await page.getByTestId('chat-input').press('Enter');
  await send.click({ force: true });
  await expect(page.getByTestId('chat-reply')).toHaveCount(0);
  await snap(page, 'connection-offline-chat');

  expect((await readFile(registryFile)).equals(before)).toBe(true);
  expect(fake.requests.filter((r) => r.path === '/api/create' || r.path === '/api/pull' || r.path === '/api/chat')).toEqual([]);

  // Ollama returns: the strip clears by itself, and the actions come back.
  await page.waitForTimeout(4_000);
  const backAt = Date.now();
  await fake.setOffline(false);
  await stripStatus(page, 'online');
  const onlineSeconds = (Date.now() - backAt) / 1000;
  await expect(send).toBeEnabled();
  await snap(page, 'connection-back-online');
  await nav('Models');
  await expect(card(page, V2).getByTestId('model-primary-action')).toBeEnabled();
  expect((await readFile(registryFile)).equals(before)).toBe(true);

  console.info(`[measured] browser: offline shown after ${offlineSeconds.toFixed(2)} s, online after ${onlineSeconds.toFixed(2)} s`);
  test.info().annotations.push({ type: 'measured', description: `offline ${offlineSeconds.toFixed(2)} s, online ${onlineSeconds.toFixed(2)} s` });
});
