import { expect, snap, test } from './support/fixtures';

const REPLY = [
  'Rent schedule:',
  '',
  '| Unit | Rent | Due |',
  '| --- | ---: | --- |',
  '| 1A | 1200 | 1st |',
  '| 2B | 950 | 5th |',
  '',
  '~~Cash~~ Bank transfer only. See https://ollama.com/library and [the docs](https://github.com/ollama/ollama).',
  '',
  '- [x] lease signed',
  '- [ ] deposit paid',
  '',
  '```python',
  'def late_fee(days: int) -> float:',
  '    # 2% per day, capped',
  '    return min(days * 0.02, 0.1)',
  '```',
  '',
  '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>',
  '',
  '[click me](javascript:window.__pwned=3)',
].join('\n');

test('a reply in GitHub-flavoured markdown: table, links to the browser, highlighted code with Copy, and no script', async ({ page, server, fake }) => {
  fake.setChat({ text: REPLY, tokensPerSecond: 2000 });
  await page.goto(server.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Chat' }).click();
  await page.getByTestId('chat-input').fill('Show me the rent schedule');
  await page.keyboard.press('Enter');

  const reply = page.getByTestId('chat-reply').last();
  await expect(reply).toHaveAttribute('data-state', 'complete', { timeout: 15_000 });
  const content = reply.getByTestId('reply-content');
  await expect(content.locator('table')).toBeVisible();
  await expect(content.getByRole('cell', { name: '1200' })).toBeVisible();
  await expect(content.locator('del')).toHaveText('Cash');
  const link = content.getByRole('link', { name: 'https://ollama.com/library' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(content.locator('.hljs-keyword').first()).toHaveText('def');
  await expect(content.getByRole('button', { name: 'Copy code' })).toBeVisible();
  await expect(content.getByRole('link', { name: 'click me' })).toHaveCount(0);
  await expect(content.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await snap(page, 'chat-markdown-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await snap(page, 'chat-markdown-dark');
});
