import { expect, snap, test } from './support/fixtures';
import { startServe } from './support/serve-process';

const V1_LABEL = 'PeteOllama Property Manager v1 (v1)';

test('chat with the default model by its display name, stop mid-reply, and find it again after a restart', async ({ page, server, fake }) => {
  // Slow enough to press Stop in the middle of the reply.
  fake.setChat({ tokens: 400, tokensPerSecond: 40 });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).click();

  const picker = page.getByTestId('chat-model-picker');
  await expect(picker.locator('option:checked')).toHaveText(V1_LABEL);

  await page.getByTestId('chat-input').fill('A tenant reports a leaking tap. What do I do first?');
  await page.keyboard.press('Enter');

  const reply = page.getByTestId('chat-reply').last();
  await expect(reply).toHaveAttribute('data-state', 'streaming');
  await expect(reply.getByTestId('reply-content')).not.toBeEmpty();
  await snap(page, 'chat-streaming');
  await page.getByTestId('chat-stop').click();
  await expect(reply).toHaveAttribute('data-state', 'stopped');
  const partial = (await reply.getByTestId('reply-content').innerText()).trim();
  expect(partial.length).toBeGreaterThan(0);
  // Ollama was told to stop: the fake saw the request go away.
  await expect.poll(() => fake.cancellations.length).toBeGreaterThan(0);
  await snap(page, 'chat-stopped');

  // Restart the server on the same workspace and app data: the conversation is still there.
  await server.stop({ keepFiles: true });
  const again = await startServe({ ollamaUrl: fake.url, workspace: server.workspace, dataDir: server.dataDir, token: server.token });
  try {
    await page.goto(again.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).click();
    const item = page.getByTestId('conversation-item').first();
    await expect(item).toContainText('leaking tap');
    await item.click();
    await expect(page.getByTestId('chat-thread')).toContainText('A tenant reports a leaking tap');
    await expect(page.getByTestId('chat-reply').last()).toHaveAttribute('data-state', 'stopped');
  } finally {
    await again.stop();
  }
});

test('compare two models side by side, each with its timings', async ({ page, server, fake }) => {
  fake.setChat({ tokens: 30, tokensPerSecond: 200 });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).click();
  await page.getByTestId('chat-compare-toggle').check();
  await page.getByTestId('chat-compare-picker').selectOption({ label: 'llama3:latest' });
  await page.getByTestId('chat-input').fill('Summarise a lease renewal in one line.');
  await page.keyboard.press('Enter');

  const a = page.locator('[data-testid="chat-reply"][data-lane="a"]').last();
  const b = page.locator('[data-testid="chat-reply"][data-lane="b"]').last();
  await expect(a).toHaveAttribute('data-state', 'complete');
  await expect(b).toHaveAttribute('data-state', 'complete');
  await expect(a.getByTestId('reply-timings')).toContainText(/\d+ tokens\/s/);
  await expect(b.getByTestId('reply-timings')).toContainText(/\d+ tokens\/s/);
  await snap(page, 'chat-compare');
});
