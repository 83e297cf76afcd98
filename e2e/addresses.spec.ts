import type { Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

const V1 = 'peteollama:property-manager-v1';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
const hashOf = (page: Page) => new URL(page.url()).hash;
const detail = (page: Page) => page.locator(`[data-testid="model-detail"][data-model-name="${V1}"]`);

test('every page has an address; Back, Forward and reload land where the address says', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1)).toBeVisible();
  // The card is in the served page before the app runs; the app then writes the address.
  await expect.poll(() => hashOf(page)).toBe('#/models');
  expect(page.url()).not.toContain('token=');

  await nav(page, 'Jobs').click();
  expect(hashOf(page)).toBe('#/jobs');
  await nav(page, 'Chat').click();
  expect(hashOf(page)).toBe('#/chat');
  await nav(page, 'Models').click();
  await card(page, V1).getByTestId('model-card-open').click();
  await expect(detail(page)).toBeVisible();
  expect(hashOf(page)).toBe(`#/models/${V1}`);
  await detail(page).getByRole('tab', { name: 'Modelfile' }).click();
  expect(hashOf(page)).toBe(`#/models/${V1}/modelfile`);
  await snap(page, 'address-model-modelfile');

  // The sidebar's Models goes back to the list while a model is open.
  await nav(page, 'Models').click();
  await expect(detail(page)).toHaveCount(0);
  await expect(card(page, V1)).toBeVisible();
  expect(hashOf(page)).toBe('#/models');

  await page.goBack();
  await expect(detail(page).getByRole('tab', { name: 'Modelfile' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(detail(page).getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(detail(page)).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId('chat-page')).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(detail(page).getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(detail(page).getByRole('tab', { name: 'Modelfile' })).toHaveAttribute('aria-selected', 'true');

  // Reload on the model's Modelfile: the same page and tab, and the session's token still works.
  await page.reload();
  await expect(detail(page).getByRole('tab', { name: 'Modelfile' })).toHaveAttribute('aria-selected', 'true');
  await expect(detail(page).locator('.cm-content')).toContainText('FROM');
  expect(hashOf(page)).toBe(`#/models/${V1}/modelfile`);
  expect(page.url()).not.toContain('token=');
});

test('a link with the token and a route opens that page', async ({ page, server }) => {
  await page.goto(`${server.url}#/base-models`);
  await expect(page.getByRole('heading', { name: 'Base models', level: 1 })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  expect(hashOf(page)).toBe('#/base-models');
  await page.goto(`${server.url}#/models/${encodeURIComponent(V1)}/versions`);
  await expect(detail(page).getByRole('tab', { name: 'Versions' })).toHaveAttribute('aria-selected', 'true');
});

test('filter and sort choices survive a reload', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(card(page, V1)).toBeVisible();
  await page.getByLabel('Sort').selectOption('updated');
  await page.getByLabel('Status').selectOption('available');
  await expect(page.getByTestId('model-card')).toHaveCount(1);
  await page.reload();
  await expect(card(page, V1)).toBeVisible();
  await expect(page.getByLabel('Sort')).toHaveValue('updated');
  await expect(page.getByLabel('Status')).toHaveValue('available');
  await expect(page.getByTestId('model-card')).toHaveCount(1);
});
