import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Clicks a control where a user would: at the centre of its box, with the real mouse. Before that,
 * checks that the control itself is what is drawn there (Playwright's locator.click would click
 * through whatever covers it only after waiting; the mouse hits whatever is on top).
 */
export async function clickAtCentre(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  const box = await target.boundingBox();
  if (!box) throw new Error('the control has no box');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const onTop = await target.evaluate((el, [px, py]) => {
    const hit = document.elementFromPoint(px!, py!);
    return hit !== null && (el === hit || el.contains(hit));
  }, [x, y]);
  expect(onTop, 'the control is the topmost thing at its centre').toBe(true);
  await page.mouse.click(x, y);
}

/** Opens a menu by clicking its button at its centre; returns the open menu. */
export async function openMenu(page: Page, button: Locator): Promise<Locator> {
  await clickAtCentre(page, button);
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  // Focus is in the menu, as for a keyboard user.
  await expect(menu.locator(':focus')).toHaveCount(1);
  return menu;
}

/** The ids of a menu's enabled items, in order (data-menu-item). */
export async function enabledItemIds(menu: Locator): Promise<string[]> {
  return menu.locator('[data-menu-item]:not([disabled])').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.menuItem ?? ''));
}
