import type { Locator, Page } from '@playwright/test';
import type { FakeOllama } from '../tests/support/fake-ollama';
import { card, expect, snap, test } from './support/fixtures';
import { clickAtCentre, enabledItemIds, openMenu } from './support/menus';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

/** Nothing was pulled, created or deleted in Ollama: no menu click reached a button under it. */
function expectNoOllamaWrites(fake: FakeOllama): void {
  expect(fake.requestsTo('/api/pull')).toEqual([]);
  expect(fake.requestsTo('/api/create')).toEqual([]);
  expect(fake.requestsTo('/api/delete')).toEqual([]);
}

/** A dialog the item opened: it shows, Escape closes it, focus returns to the menu's button. */
async function expectDialogThenEscape(page: Page, trigger: Locator): Promise<void> {
  const dialog = page.locator('dialog[open]');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
}

async function checkCardItem(page: Page, fake: FakeOllama, name: string, id: string): Promise<void> {
  const theCard = card(page, name);
  const trigger = theCard.getByRole('button', { name: /^Actions for/ });
  const markers = theCard.getByRole('list', { name: 'Markers' });
  const before = await markers.textContent();
  const loadedBefore = fake.loadedModels();
  const menu = await openMenu(page, trigger);
  await clickAtCentre(page, menu.locator(`[data-menu-item="${id}"]`));
  await expect(menu).toHaveCount(0);
  switch (id) {
    case 'default':
    case 'show':
    case 'preload':
      // The registry flag flipped: the card's markers say so.
      await expect(markers).not.toHaveText(before ?? '');
      break;
    case 'unload':
      await expect.poll(() => fake.loadedModels()).toEqual([]);
      break;
    case 'new-version':
    case 'rename':
    case 'release':
    case 'delete':
      await expectDialogThenEscape(page, trigger);
      break;
    case 'evaluate':
      // Opens the family's Evaluate page; Back returns to the grid.
      await expect(page).toHaveURL(/#\/evals\/./);
      await expect(page.getByRole('heading', { level: 1, name: /^Evaluate/ })).toBeVisible();
      await page.goBack();
      await expect(theCard).toBeVisible();
      break;
    default:
      expect(id).toMatch(/^load-/);
      await expect.poll(() => fake.loadedModels()).toContain(name);
      if (loadedBefore.length === 0) await expect(page.getByTestId('running-models')).toHaveText('1 model in memory');
  }
  expectNoOllamaWrites(fake);
}

for (const viewport of [
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
]) {
  test(`every card menu item does what it says when clicked at its centre (${viewport.width}×${viewport.height})`, async ({ page, server, fake }) => {
    await page.setViewportSize(viewport);
    await page.goto(server.url);
    await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

    for (const name of [V2, V1]) {
      const menu = await openMenu(page, card(page, name).getByRole('button', { name: /^Actions for/ }));
      if (name === V1) await snap(page, `menu-card-${viewport.width}`);
      const ids = await enabledItemIds(menu);
      await page.keyboard.press('Escape');
      expect(ids.length).toBeGreaterThan(3);
      for (const id of ids) await checkCardItem(page, fake, name, id);
    }
    // Loaded, the model's menu has one more item (whether or not it was loaded when the loop began).
    await checkCardItem(page, fake, V1, 'load-forever');
    await expect(page.getByTestId('running-models')).toHaveText('1 model in memory');
    await checkCardItem(page, fake, V1, 'unload');
  });
}

test('the menu of the top card is drawn over the card below it, and stays in the window', async ({ page, server }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(server.url);
  const menu = await openMenu(page, card(page, V2).getByRole('button', { name: /^Actions for/ }));
  const box = await menu.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(600);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  // Every item, the last one included, is on top at its centre.
  for (const item of await menu.locator('[data-menu-item]').all()) {
    const b = (await item.boundingBox())!;
    const top = await item.evaluate((el, [x, y]) => el.contains(document.elementFromPoint(x!, y!)), [b.x + b.width / 2, b.y + b.height / 2]);
    expect(top).toBe(true);
  }
  await snap(page, 'menu-card-900-top');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await snap(page, 'menu-card-900-top-dark');
});

test('menus on the Base models page and in the model detail are on top and do what they say', async ({ page, server, fake }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

  // The detail's "More actions" menu and its Load options menu.
  await clickAtCentre(page, card(page, V1).getByTestId('model-card-open'));
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V1}"]`);
  await expect(detail).toBeVisible();
  const more = detail.getByRole('button', { name: /^More actions for/ });
  for (const id of ['rename', 'delete']) {
    const menu = await openMenu(page, more);
    await clickAtCentre(page, menu.locator(`[data-menu-item="${id}"]`));
    await expectDialogThenEscape(page, more);
  }
  const loadOptions = detail.getByRole('button', { name: /^Load options for/ });
  const loadMenu = await openMenu(page, loadOptions);
  await snap(page, 'menu-detail-load');
  await clickAtCentre(page, loadMenu.locator('[data-menu-item="load-30m"]'));
  // (V1 may be in memory already from its preload: the request is what shows the item worked.)
  await expect.poll(() => fake.lastRequest('/api/generate')?.body).toMatchObject({ model: V1, keep_alive: '30m' });
  expect(fake.loadedModels()).toEqual([V1]);

  // A base model row's menu: Remove from list opens its confirmation; nothing is pulled or deleted.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Base models' }).click();
  const actions = page.getByRole('button', { name: /^Actions for/ }).first();
  const menu = await openMenu(page, actions);
  await snap(page, 'menu-base-models');
  await clickAtCentre(page, menu.locator('[data-menu-item="remove"]'));
  await expectDialogThenEscape(page, actions);
  expectNoOllamaWrites(fake);
});

test('the status bar’s "models in memory" panel is drawn over the page, and its Unload works at its centre', async ({ page, server, fake }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.goto(server.url);
  await expect(page.getByTestId('running-models')).toHaveText('1 model in memory');
  await clickAtCentre(page, page.getByTestId('running-models'));
  const panel = page.getByRole('dialog', { name: 'Models in memory' });
  await expect(panel).toBeFocused();
  await snap(page, 'running-panel-900');
  await clickAtCentre(page, panel.getByTestId('running-unload'));
  await expect.poll(() => fake.loadedModels()).toEqual([]);
  expectNoOllamaWrites(fake);
});
