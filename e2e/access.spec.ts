import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

const run = promisify(execFile);
const V1 = 'peteollama:property-manager-v1';

function go(page: Page, name: 'Models' | 'Settings') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();
}

test('the API key (--token) opens /v1 and /admin but never the app calls; the page works with its own session', async ({ page, server, request }) => {
  const withKey = { Authorization: `Bearer ${server.token}` };
  // The printed URL carries a session token of its own, not the API key.
  expect(new URL(server.url).searchParams.get('token')).not.toBe(server.token);

  for (const call of ['app.info', 'workspace.open', 'modelfile.read', 'modelfile.write']) {
    const res = await request.post(`${server.origin}/rpc/${call}`, { headers: withKey, data: { path: '/etc/passwd', content: 'x', expectedSha256: null } });
    expect(res.status(), call).toBe(403);
  }
  expect((await request.get(`${server.origin}/events`, { headers: withKey })).status()).toBe(403);
  expect((await request.get(`${server.origin}/v1/models`, { headers: withKey })).status()).toBe(200);
  expect((await request.get(`${server.origin}/admin/models`, { headers: withKey })).status()).toBe(200);

  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

  // Even the UI session cannot switch the served folder unless serve allowed it.
  await go(page, 'Settings');
  await page.getByLabel('Workspace folder').fill('/etc');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText(/--allow-workspace-switch/)).toBeVisible();
});

test('Settings shows the API key masked, reveals it, and gives a curl line that works as copied', async ({ page, server }) => {
  await page.goto(server.url);
  await go(page, 'Settings');
  const key = page.getByTestId('local-api-token');
  await expect(key).toHaveText(/^•+\S{4}$/);
  await expect(page.getByTestId('local-api')).not.toContainText(server.token);
  await key.scrollIntoViewIfNeeded();
  await snap(page, 'settings-api-key-masked');

  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(key).toHaveText(server.token);
  const curl = page.getByTestId('local-api-curl');
  await expect(curl).toHaveText(`curl -H 'Authorization: Bearer ${server.token}' '${server.origin}/v1/models'`);
  await snap(page, 'settings-api-key-revealed');

  // The line runs as shown: the served models come back.
  const { stdout } = await run('sh', ['-c', (await curl.textContent()) ?? '']);
  expect(JSON.parse(stdout)).toMatchObject({ object: 'list', data: [{ id: V1 }] });
});
