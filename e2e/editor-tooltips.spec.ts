import type { Locator, Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

const V2 = 'peteollama:property-manager-v2';

/** Where the tooltip is drawn, whether it is what the pointer would hit at its centre, and its colours against the theme's. */
async function placement(tooltip: Locator) {
  return tooltip.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const probe = document.body.appendChild(document.createElement('div'));
    probe.style.background = 'var(--surface-raised)';
    probe.style.color = 'var(--text)';
    const expected = { background: getComputedStyle(probe).backgroundColor, color: getComputedStyle(probe).color };
    probe.remove();
    const style = getComputedStyle(element);
    return {
      insideEditor: element.closest('.cm-editor') !== null,
      container: element.parentElement?.parentElement === document.body,
      onTop: hit !== null && element.contains(hit),
      visible: box.width > 0 && box.height > 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
      background: style.backgroundColor,
      color: style.color,
      expected,
    };
  });
}

async function openEditorAtEnd(page: Page) {
  await card(page, V2).getByTestId('model-card-open').click();
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V2}"]`);
  await detail.getByRole('tab', { name: 'Modelfile' }).click();
  const editor = detail.locator('.cm-content');
  await expect(editor).toContainText('FROM qwen3:30b');
  await editor.click();
  await page.keyboard.press('Control+End');
  return detail;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`completion and lint tooltips are drawn in the top layer, on top and in the ${colorScheme} theme`, async ({ page, server }) => {
    await page.emulateMedia({ colorScheme });
    // Short: the editor's scroller ends near the bottom of the window, where a tooltip inside it would be cut off.
    await page.setViewportSize({ width: 1280, height: 640 });
    await page.goto(server.url);
    const detail = await openEditorAtEnd(page);

    await page.keyboard.type('\nPARAMETER te');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await expect(completion).toBeVisible();
    await expect(completion).toContainText('temperature');
    const list = await placement(completion);
    expect(list).toMatchObject({ insideEditor: false, container: true, onTop: true, visible: true });
    expect([list.background, list.color]).toEqual([list.expected.background, list.expected.color]);
    await snap(page, `editor-completion-${colorScheme}`);

    // A mistake's explanation, on hover over its mark.
    await page.keyboard.press('Escape');
    await page.keyboard.type('mprature 0.5');
    const mark = detail.locator('.cm-lintRange-error');
    await expect(mark).toHaveCount(1);
    const lint = page.locator('.cm-tooltip-lint');
    // CodeMirror shows a hover tooltip once the pointer rests over the mark: move onto it, then nudge.
    await expect(async () => {
      const box = (await mark.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2, { steps: 2 });
      await expect(lint).toContainText("unknown parameter 'temprature'", { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    const hover = await placement(page.locator('.cm-tooltip-hover').filter({ has: lint }));
    expect(hover).toMatchObject({ insideEditor: false, container: true, onTop: true });
    expect([hover.background, hover.color]).toEqual([hover.expected.background, hover.expected.color]);
  });
}
