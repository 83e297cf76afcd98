import { expect, snap, test } from './support/fixtures';

/**
 * Issue 11's acceptance in Chromium against the fake Ollama: a prompt set written from chat
 * history, v1 against v2, the regressed case seen and its outputs diffed, the failures re-run —
 * all by keyboard.
 */

const FAMILY = 'peteollama:property-manager';
const V1 = `${FAMILY}-v1`;
const V2 = `${FAMILY}-v2`;

const SET = `family: ${FAMILY}
cases:
  - id: late-fee
    title: Names the late fee
    prompt: What is the late fee?
    checks:
      - contains: "$50"
  - id: greeting
    prompt: Say hello to a new tenant.
    checks:
      - contains: hello
        ignore_case: true
`;

test('write a set from chat history, run v1 against v2, see the regression, diff it, re-run failures, by keyboard', async ({ page, server, fake }) => {
  fake.addModel({ name: V2, parentModel: 'llama3:latest', system: 'You manage properties.' });
  fake.setReplies([
    // A moment before the first token, as a real model takes: with an instant reply the chat sometimes
    // showed "No reply was saved for this message" (a chat race, not the evaluation's).
    { model: V1, when: 'late fee', text: 'The late fee is $50 after five days.', delayMs: 150 },
    { model: V2, when: 'late fee', text: 'The late fee depends on your lease.' },
    { model: V1, when: 'hello', text: 'Welcome aboard!' },
    { model: V2, when: 'hello', text: 'Hello and welcome!' },
  ]);
  await page.goto(server.url);
  // A conversation with v1 (the default model) to draw cases from, typed as a user would.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('chat-input').focus();
  await page.keyboard.insertText('What is the late fee?');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chat-reply').last()).toContainText('$50');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Models/ }).focus();
  await page.keyboard.press('Enter');

  await page.getByRole('button', { name: `Evaluate ${FAMILY}` }).focus();
  await page.keyboard.press('Enter');

  // No set yet: start one from the chat.
  await page.getByRole('button', { name: 'New prompt set…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('new-prompt-set');
  await dialog.getByRole('radio', { name: /Chat conversations/ }).focus();
  await page.keyboard.press('Space');
  await dialog.getByTestId('conversation-choice').first().getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await snap(page, 'evaluate-new-set');
  await dialog.getByRole('button', { name: /^Create with 1 conversation/ }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('prompt-set')).toContainText('1 case');
  await snap(page, 'evaluate-set-created');

  // Add checks in place (Ctrl+S saves).
  await page.getByTestId('prompt-set').getByRole('button', { name: 'Edit' }).focus();
  await page.keyboard.press('Enter');
  const text = page.getByRole('textbox', { name: 'Prompt set (YAML)' });
  await text.focus();
  await snap(page, 'evaluate-set-editing');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(SET);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(text).toBeHidden();
  await expect(page.getByTestId('prompt-set')).toContainText('2 cases');

  // v1 and v2 are chosen by default.
  await page.getByTestId('eval-run').focus();
  await page.keyboard.press('Enter');
  const grid = page.getByTestId('results-grid');
  await expect(page.getByTestId('run-facts')).toContainText('Finished', { timeout: 30_000 });
  const v2Header = grid.locator(`[data-testid="verdict-header"][data-model="${V2}"]`);
  await expect(v2Header.getByTestId('verdict-regressions')).toHaveText('↓ 1 regressed');
  await expect(v2Header.getByTestId('verdict-improvements')).toHaveText('↑ 1 improved');
  await snap(page, 'evaluate-run-done');

  // The regressed case side by side.
  await grid.getByRole('button', { name: 'Compare outputs for Names the late fee' }).focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId('case-view');
  await expect(view.getByTestId('diff-before').locator('del')).not.toHaveCount(0);
  await expect(view.getByTestId('diff-after').locator('ins')).not.toHaveCount(0);
  await snap(page, 'evaluate-diff');
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('button', { name: 'Compare outputs for Names the late fee' })).toBeFocused();

  // Re-run the failures: a new run of only those cases.
  await page.getByTestId('rerun-failures').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('run-facts')).toContainText('Finished', { timeout: 30_000 });
  await expect(page.getByTestId('run-row')).toHaveCount(2);
  await expect(page.getByTestId('run-row').first()).toContainText('re-run of failures');
  await expect(grid.getByTestId('results-row')).toHaveCount(2);

  // The re-run's results, dark and narrow.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 900, height: 600 });
  await page.getByTestId('results').scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
  await snap(page, 'evaluate-rerun-dark-900');
});
