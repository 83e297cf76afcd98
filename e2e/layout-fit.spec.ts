import type { Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

/**
 * Every page fits the window from a small laptop's 900×600 to a large screen: nothing scrolls
 * sideways, neither the document nor the main content, and a picture of each page at each size
 * lands in e2e/artifacts/ to be looked at.
 */

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

const SIZES = [
  { width: 900, height: 600 },
  { width: 1920, height: 1080 },
] as const;

type NavLabel = 'Models' | 'Base models' | 'Chat' | 'Jobs' | 'Settings';

function go(page: Page, name: NavLabel) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}

/** Widths that overflow: the document, and every scroll container in the main content. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`document ${root.scrollWidth} > ${window.innerWidth}`);
    const main = document.querySelector('main');
    if (main && main.scrollWidth > main.clientWidth + 1) found.push(`main ${main.scrollWidth} > ${main.clientWidth}`);
    // Any element in the main content that is wider than its own box and lets the user scroll it sideways.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      const style = getComputedStyle(el);
      if (!/(auto|scroll)/.test(style.overflowX)) continue;
      // Code, logs and editors scroll their long lines on purpose; a layout must not.
      if (el.closest('pre, .cm-editor, [data-scroll-x="allowed"]')) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        found.push(`${el.tagName.toLowerCase()}.${el.className || '(no class)'} ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return found;
  });
}

async function expectFits(page: Page, label: string): Promise<void> {
  // Let layout settle (virtual lists measure after a frame).
  await page.waitForTimeout(150);
  expect.soft(await sidewaysOverflow(page), `${label} scrolls sideways`).toEqual([]);
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  test.describe(`at ${tag}`, () => {
    test.use({ viewport: size });

    test(`every page fits without sideways scrolling (${tag})`, async ({ page, server }) => {
      await page.goto(server.url);
      await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
      await expectFits(page, 'Models');
      // The status bar's loaded model: its name is cut only where the window is too narrow, and
      // then in the middle, so the version at its end stays.
      const chip = page.locator('[data-testid="running-chip"]').first();
      await expect(chip.locator('.model-name__tail')).toHaveText('Manager v1');
      const cut = await chip.locator('.model-name__head').evaluate((el) => el.scrollWidth > el.clientWidth);
      expect.soft(cut, 'running chip name truncated').toBe(size.width < 1280);
      await snap(page, `fit-${tag}-models`);

      await card(page, V2).getByRole('button', { name: 'PeteOllama Property Manager v2' }).first().click();
      await expect(page.getByTestId('detail-tab-overview')).toBeVisible();
      await expectFits(page, 'Overview');
      await snap(page, `fit-${tag}-overview`);

      await page.getByTestId('detail-tab-modelfile').click();
      const editor = page.locator('.cm-editor');
      await expect(editor).toBeVisible();
      await expectFits(page, 'Modelfile');
      // The editor gets a usable height: at least 10 lines even in a small window.
      const lineHeight = await page.locator('.cm-line').first().evaluate((el) => el.getBoundingClientRect().height);
      const editorHeight = await editor.evaluate((el) => el.getBoundingClientRect().height);
      expect.soft(editorHeight, 'editor height').toBeGreaterThanOrEqual(10 * lineHeight);
      await snap(page, `fit-${tag}-modelfile`);

      await page.getByTestId('detail-tab-versions').click();
      await expectFits(page, 'Versions');
      await snap(page, `fit-${tag}-versions`);

      await page.getByTestId('detail-tab-history').click();
      await expectFits(page, 'History');

      await go(page, 'Base models');
      const pull = page.locator('[data-testid="base-model-row"][data-model-name="qwen3:30b"]').getByTestId('base-pull');
      await expect(pull).toBeVisible();
      // Pull is inside the window, not hidden past its right edge.
      const box = await pull.boundingBox();
      expect.soft(box && box.x + box.width).toBeLessThanOrEqual(size.width);
      await expectFits(page, 'Base models');
      await snap(page, `fit-${tag}-base-models`);

      await go(page, 'Chat');
      await expect(page.getByTestId('chat-page')).toBeVisible();
      await expectFits(page, 'Chat');
      await snap(page, `fit-${tag}-chat`);

      await go(page, 'Jobs');
      await expectFits(page, 'Jobs');
      await snap(page, `fit-${tag}-jobs`);

      await go(page, 'Settings');
      await expectFits(page, 'Settings');
      await snap(page, `fit-${tag}-settings`);
    });
  });
}
