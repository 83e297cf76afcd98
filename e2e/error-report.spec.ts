import { card, expect, test } from './support/fixtures';

const V1 = 'peteollama:property-manager-v1';

test("an uncaught page error goes to the server's output with its stack and shows one dialog that says where", async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1).getByTestId('status-chip')).toHaveText('Available');

  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('e2e-page-boom');
    }, 0);
  });
  const dialog = page.getByRole('dialog', { name: 'Something went wrong' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('output of the Modelwright server');
  await expect(dialog).toContainText('Nothing was sent anywhere.');
  await expect.poll(() => server.output()).toMatch(/\[renderer\] an uncaught error: Error: e2e-page-boom\n\s+at /);

  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await page.evaluate(() => void Promise.reject(new Error('e2e-page-rejection')));
  await expect.poll(() => server.output()).toContain('[renderer] an unhandled promise rejection: Error: e2e-page-rejection');
  await expect(dialog).toBeHidden();
});
