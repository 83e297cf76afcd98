import type { Locator, Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';
import { clickAtCentre, openMenu } from './support/menus';

const V1 = 'peteollama:property-manager-v1';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

/** No visible control of the page shares a pixel with a notice, and each is on top at its centre. */
async function expectNoControlCovered(page: Page, notices: Locator): Promise<void> {
  const covered = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="notification"]')].map((n) => n.getBoundingClientRect());
    const controls = [...document.querySelectorAll<HTMLElement>('main button, main input, main select, main textarea, main a[href]')].filter(
      (c) => !c.closest('[data-testid="notifications"]') && c.getClientRects().length > 0,
    );
    const out: string[] = [];
    for (const c of controls) {
      const r = c.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= window.innerHeight) continue;
      const overlaps = boxes.some((b) => r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top);
      if (overlaps) out.push(c.outerHTML.slice(0, 80));
    }
    return out;
  });
  expect(await notices.count()).toBeGreaterThan(0);
  expect(covered).toEqual([]);
}

test('an error notice never covers a control, and goes when the retry works (900×600, light and dark)', async ({ page, server, fake }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

  // Loading fails once (Ollama lacks the memory): an error notice keyed to that model.
  fake.failNext({ path: '/api/generate', status: 500, error: 'model requires more system memory (32.0 GiB) than is available (7.6 GiB)' });
  const trigger = card(page, V1).getByRole('button', { name: /^Actions for/ });
  await clickAtCentre(page, (await openMenu(page, trigger)).locator('[data-menu-item="load-30m"]'));
  const notices = page.getByTestId('notification');
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText('more system memory');
  await expectNoControlCovered(page, notices);
  await snap(page, 'notice-models-900');

  // On Chat, the Send button and the message box stay clear of it.
  await nav(page, 'Chat').click();
  await expect(page.getByTestId('chat-send')).toBeVisible();
  await expectNoControlCovered(page, notices);
  const send = (await page.getByTestId('chat-send').boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="chat-send"]') !== null, [send.x + send.width / 2, send.y + send.height / 2]);
  expect(onTop).toBe(true);
  await snap(page, 'notice-chat-900');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await snap(page, 'notice-chat-900-dark');

  // The retry works: the notice goes by itself.
  await nav(page, 'Models').click();
  await clickAtCentre(page, (await openMenu(page, trigger)).locator('[data-menu-item="load-30m"]'));
  await expect.poll(() => fake.loadedModels()).toContain(V1);
  await expect(notices).toHaveCount(0);
});

test('a notice is dismissed by keyboard', async ({ page, server, fake }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  fake.failNext({ path: '/api/generate', status: 500, error: 'model requires more system memory (32.0 GiB) than is available (7.6 GiB)' });
  await clickAtCentre(page, (await openMenu(page, card(page, V1).getByRole('button', { name: /^Actions for/ }))).locator('[data-menu-item="load-30m"]'));
  const notice = page.getByTestId('notification');
  await expect(notice).toHaveCount(1);
  await notice.getByRole('button', { name: /^Dismiss/ }).focus();
  await page.keyboard.press('Escape');
  await expect(notice).toHaveCount(0);
});

test('the old-Ollama warning links to the download page and stays dismissed for that version', async ({ page, server, fake }) => {
  // The server reads Ollama's version once per connection, and it connects as it starts: an
  // Ollama swapped for an older one while the app runs is what the user meets.
  await page.goto(server.url);
  await fake.setOffline(true);
  await expect(page.getByTestId('connection-strip')).toHaveAttribute('data-status', 'offline');
  fake.setVersion('0.17.0');
  await fake.setOffline(false);
  const warning = page.getByTestId('connection-warning');
  await expect(warning).toContainText('0.17.0');
  await expect(warning.getByRole('link', { name: 'ollama.com/download' })).toHaveAttribute('href', 'https://ollama.com/download');
  await snap(page, 'version-warning');
  await warning.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(warning).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('connection-strip')).toHaveAttribute('data-status', 'online');
  await expect(warning).toHaveCount(0);
  // (Another version warning again is shown by the component test: the server reads the version once per connection.)
});
