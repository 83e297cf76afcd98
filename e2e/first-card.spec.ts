import { card, expect, test } from './support/fixtures';

/*
 * The address the server prints opens a page that already holds the first cards (rendered by the
 * server from the same components), which React then takes over without rebuilding it. The Models
 * page still waits for neither the editor (CodeMirror) nor the chat (markdown).
 */
test('the first card is in the served page, before any script, and the page hydrates it without a mismatch', async ({ page, server }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // When the first card entered the DOM, and when the page's first script ran (its first request leaves then).
  await page.addInitScript(() => {
    const win = window as unknown as { firstCardAt?: number };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="model-card"]')) return;
      observer.disconnect();
      win.firstCardAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const response = await page.goto(server.url);
  const html = (await response?.text()) ?? '';
  expect(html).toContain('data-model-name="peteollama:property-manager-v1"');
  expect(html).toContain('<script type="application/json" id="mw-first-page">');
  await expect(card(page, 'peteollama:property-manager-v1')).toBeVisible();
  // Inert until React has taken the page over, so no click before that is lost.
  expect(html).toContain('<div id="root" inert>');
  await expect(page.locator('#root')).not.toHaveAttribute('inert');

  const seen = await page.evaluate(() => {
    const win = window as unknown as { firstCardAt: number };
    const resources = performance.getEntriesByType('resource');
    return {
      firstCardAt: win.firstCardAt,
      firstScriptRanAt: resources.find((e) => e.name.endsWith('/events'))?.startTime ?? Infinity,
      beforeCard: resources.filter((e) => e.startTime < win.firstCardAt).map((e) => new URL(e.name).pathname),
      registryAsked: resources.filter((e) => e.name.endsWith('/rpc/registry.get')).length,
      dataLeft: document.getElementById('mw-first-page') !== null,
    };
  });
  expect(seen.firstCardAt).toBeLessThan(seen.firstScriptRanAt);
  expect(seen.beforeCard.filter((path) => /ModelfileWorkbench|ChatPage/.test(path))).toEqual([]);
  // Read again once, in the background, to catch what changed between the page and the event stream.
  expect(seen.registryAsked).toBe(1);
  // The page's data is taken out of the document once read.
  expect(seen.dataLeft).toBe(false);

  // React owns the page: a click opens the model, and the editor and the chat still load on demand.
  await card(page, 'peteollama:property-manager-v1').getByTestId('model-card-open').click();
  await page.getByTestId('model-detail').getByRole('tab', { name: 'Modelfile' }).click();
  await expect(page.locator('.cm-content')).toContainText('FROM llama3');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat', exact: true }).click();
  await expect(page.getByTestId('chat-input')).toBeVisible();
  // A hydration mismatch is reported on the console (and rebuilds the page): there must be none.
  expect(problems.filter((text) => /hydrat|did not match|server rendered/i.test(text))).toEqual([]);
});

test('an address the server cannot see (another page, stored filters) never shows the server page first', async ({ page, server }) => {
  // Where the first script left #root: emptied before the first paint when the server's page does not fit.
  await page.addInitScript(() => {
    const win = window as unknown as { cardsAtFirstFrame?: string[] };
    requestAnimationFrame(() => {
      win.cardsAtFirstFrame = [...document.querySelectorAll('[data-testid="model-card"]')].map((c) => c.getAttribute('data-status') ?? '');
    });
  });
  await page.goto(`${server.url}#/jobs`);
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cardsAtFirstFrame: string[] }).cardsAtFirstFrame)).toEqual([]);

  // Filters remembered by this browser: the server rendered all models, so its page is not shown.
  await page.evaluate(() => localStorage.setItem('modelwright.model-filters', JSON.stringify({ status: 'available', baseModel: null, shownInUiOnly: false, sort: 'name' })));
  await page.goto(`${server.url}#/models`);
  await expect(page.getByTestId('models-summary')).toContainText(/of \d+ models/);
  // Whatever the first frame shows (nothing, or the browser's own render) is the filtered list.
  const statuses = await page.evaluate(() => (window as unknown as { cardsAtFirstFrame: string[] }).cardsAtFirstFrame);
  expect(statuses.filter((status) => status !== 'available')).toEqual([]);
});
