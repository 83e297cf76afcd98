import type { Locator, Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';
import { clickAtCentre, openMenu } from './support/menus';

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';

/** Whether focus is inside the open modal dialog. */
function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const dialog = document.querySelector('dialog[open]');
    return dialog !== null && dialog.contains(document.activeElement) && document.activeElement !== dialog;
  });
}

/** Presses a key n times and checks after each press that focus never left the dialog. */
async function pressStayingInside(page: Page, key: string, times: number): Promise<Set<string>> {
  const reached = new Set<string>();
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(key);
    expect(await focusInDialog(page), `after ${key} #${i + 1}`).toBe(true);
    reached.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
  }
  return reached;
}

/** Escape closes the dialog and focus is back on the control that opened it. */
async function escapeReturnsTo(page: Page, opener: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(opener).toBeFocused();
}

test('Delete: Shift+Tab and Tab cycle inside, the page behind is inert, Escape still closes and focus returns', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');
  const behind = page.getByRole('checkbox', { name: 'Shown in UI only' });
  const trigger = card(page, V2).getByRole('button', { name: /^Actions for/ });
  const menu = await openMenu(page, trigger);
  await clickAtCentre(page, menu.getByRole('menuitem', { name: 'Delete…' }));
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toBeVisible();
  await snap(page, 'dialog-delete');

  const back = await pressStayingInside(page, 'Shift+Tab', 12);
  const forward = await pressStayingInside(page, 'Tab', 12);
  // Both directions went round: more than one control was reached each way.
  expect(back.size).toBeGreaterThan(1);
  expect(forward.size).toBeGreaterThan(1);

  // Whatever is drawn where the checkbox behind is belongs to the dialog (its box or its backdrop).
  const box = (await behind.boundingBox())!;
  const inDialog = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('dialog[open]') !== null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(inDialog).toBe(true);

  await escapeReturnsTo(page, trigger);
  await expect(behind).not.toBeChecked();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openMenu(page, trigger).then((m) => clickAtCentre(page, m.getByRole('menuitem', { name: 'Delete…' })));
  await page.waitForTimeout(300);
  await snap(page, 'dialog-delete-dark');
  await escapeReturnsTo(page, trigger);
});

test('every dialog closes on Escape and gives focus back to what opened it', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

  const newModel = page.getByRole('button', { name: 'New model' });
  await newModel.click();
  await expect(page.getByTestId('new-model-dialog')).toBeVisible();
  await pressStayingInside(page, 'Shift+Tab', 8);
  await escapeReturnsTo(page, newModel);

  for (const item of ['New version…', 'Rename…', 'Delete…']) {
    const trigger = card(page, V1).getByRole('button', { name: /^Actions for/ });
    const menu = await openMenu(page, trigger);
    await clickAtCentre(page, menu.getByRole('menuitem', { name: item }));
    await expect(page.locator('dialog[open]')).toBeVisible();
    await pressStayingInside(page, 'Tab', 8);
    await escapeReturnsTo(page, trigger);
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Base models' }).click();
  const add = page.getByRole('button', { name: 'Add base model' });
  await add.click();
  await expect(page.getByTestId('add-base-dialog')).toBeVisible();
  await pressStayingInside(page, 'Shift+Tab', 6);
  await escapeReturnsTo(page, add);
});

test('Escape in the Modelfile editor stays in the editor; outside it, it closes the model page', async ({ page, server }) => {
  await page.goto(server.url);
  await card(page, V1).getByTestId('model-card-open').click();
  const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V1}"]`);
  await detail.getByRole('tab', { name: 'Modelfile' }).click();
  const editor = detail.locator('.cm-content');
  await expect(editor).toContainText('FROM');
  await editor.click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(detail).toBeVisible();
  await detail.getByRole('tab', { name: 'Modelfile' }).focus();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});

test('Escape stops a streaming chat reply, and the address names the conversation', async ({ page, server, fake }) => {
  fake.setChat({ tokens: 400, tokensPerSecond: 40 });
  await page.goto(`${server.url}#/chat`);
  await page.getByTestId('chat-input').fill('A tenant reports a leaking tap. What do I do first?');
  await page.keyboard.press('Enter');
  const reply = page.getByTestId('chat-reply').last();
  await expect(reply).toHaveAttribute('data-state', 'streaming');
  await expect(reply.getByTestId('reply-content')).not.toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(reply).toHaveAttribute('data-state', 'stopped');
  await expect.poll(() => fake.cancellations.length).toBeGreaterThan(0);
  expect(new URL(page.url()).hash).toMatch(/^#\/chat\/[^/]+$/);
  // Reload lands on the same conversation.
  await page.reload();
  await expect(page.getByTestId('chat-reply').last()).toHaveAttribute('data-state', 'stopped');
});
