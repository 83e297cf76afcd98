import { card, expect, test } from './support/fixtures';

/*
 * The Models page must not wait for the editor (CodeMirror) or the chat (markdown): they are their
 * own chunks, loaded when shown or once the app is idle. And the first calls leave before the UI's
 * code runs, not after React's first render.
 */
test('the first card needs neither the editor nor the chat code, and the registry is asked for before the UI renders', async ({ page, server }) => {
  // When React first put something on the page, and when the first card appeared.
  await page.addInitScript(() => {
    const win = window as unknown as { firstRenderAt?: number; firstCardAt?: number };
    new MutationObserver((_, observer) => {
      win.firstRenderAt ??= document.getElementById('root')?.firstChild ? performance.now() : undefined;
      if (!document.querySelector('[data-testid="model-card"]')) return;
      observer.disconnect();
      win.firstCardAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(server.url);
  await expect(card(page, 'peteollama:property-manager-v1')).toBeVisible();

  const seen = await page.evaluate(() => {
    const win = window as unknown as { firstRenderAt: number; firstCardAt: number };
    const resources = performance.getEntriesByType('resource');
    return {
      firstRenderAt: win.firstRenderAt,
      registryAskedAt: resources.find((e) => e.name.endsWith('/rpc/registry.get'))?.startTime ?? Infinity,
      beforeCard: resources.filter((e) => e.startTime < win.firstCardAt).map((e) => new URL(e.name).pathname),
      registryAsked: resources.filter((e) => e.name.endsWith('/rpc/registry.get')).length,
    };
  });
  expect(seen.beforeCard.filter((path) => /ModelfileWorkbench|ChatPage/.test(path))).toEqual([]);
  expect(seen.registryAskedAt).toBeLessThan(seen.firstRenderAt);
  // Sent by the page's first module and taken up by the store: asked once, not again by the UI.
  expect(seen.registryAsked).toBe(1);

  // Opening the editor and the chat still works (their chunks load on demand, or were prefetched).
  await card(page, 'peteollama:property-manager-v1').getByTestId('model-card-open').click();
  await page.getByTestId('model-detail').getByRole('tab', { name: 'Modelfile' }).click();
  await expect(page.locator('.cm-content')).toContainText('FROM llama3');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat', exact: true }).click();
  await expect(page.getByTestId('chat-input')).toBeVisible();
});
