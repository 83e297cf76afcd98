import { LLAMA3, PROPERTY_MANAGER_V1, QWEN3_8B, startFakeOllama, type FakeOllama } from '../tests/support/fake-ollama';
import { expect, snap, test as base } from './support/fixtures';

/** Thinking in chat, by keyboard: the toggle only for a model that can think, the thoughts folded above the answer. */

const test = base.extend<{ fake: FakeOllama }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  fake: async ({}, use) => {
    const fake = await startFakeOllama({ models: [PROPERTY_MANAGER_V1, LLAMA3, QWEN3_8B], library: [LLAMA3] });
    await use(fake);
    await fake.close();
  },
});

test('turn thinking on for a thinking model, see its thoughts folded above the answer, and open them', async ({ page, server, fake }) => {
  fake.setChat({ tokens: 12, tokensPerSecond: 8 });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).focus();
  await page.keyboard.press('Enter');

  const picker = page.getByTestId('chat-model-picker');
  const settingsToggle = page.getByTestId('chat-settings-toggle');
  // A model without the capability gets no thinking control.
  await picker.selectOption({ label: 'llama3:latest' });
  await settingsToggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chat-settings-panel')).toBeVisible();
  await expect(page.getByTestId('chat-setting-temperature')).toBeVisible();
  await expect(page.getByTestId('chat-setting-think')).toHaveCount(0);

  await picker.selectOption({ label: 'qwen3:8b' });
  const toggle = page.getByTestId('chat-setting-think-toggle');
  await expect(toggle).not.toBeChecked();
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('chat-settings-panel')).toHaveCount(0);

  await page.getByTestId('chat-input').focus();
  await page.keyboard.type('Is 17 a prime number?');
  await page.keyboard.press('Enter');

  const reply = page.getByTestId('chat-reply').last();
  const thinking = reply.getByTestId('reply-thinking');
  await expect(reply.getByTestId('reply-thinking-summary')).toHaveText('Thinking…');
  await expect(reply).toHaveAttribute('data-state', 'complete', { timeout: 15_000 });
  await expect(reply.getByTestId('reply-thinking-summary')).toHaveText(/^Thought for \d+ s$/);
  // Folded by default, above the answer.
  await expect(thinking).not.toHaveAttribute('open');
  const [thoughtBox, answerBox] = await Promise.all([thinking.boundingBox(), reply.getByTestId('reply-content').boundingBox()]);
  expect(thoughtBox!.y).toBeLessThan(answerBox!.y);
  await snap(page, 'chat-thinking-folded-light');

  await reply.getByTestId('reply-thinking-summary').focus();
  await page.keyboard.press('Enter');
  await expect(thinking).toHaveAttribute('open');
  await expect(thinking.locator('.reply-thinking__text')).not.toBeEmpty();
  await snap(page, 'chat-thinking-open-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'chat-thinking-open-dark');

  // Only the thinking model was asked to think.
  expect(fake.requestsTo('/api/chat').map((r) => (r.body as { model: string; think: unknown }).think)).toEqual([true]);
  // The setting stays with the conversation: reopened, it is still on.
  await page.reload();
  await settingsToggle.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chat-setting-think-toggle')).toBeChecked();
});
