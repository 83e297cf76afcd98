import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { card, expect, snap, test } from './support/fixtures';

/** Release v2 under the family's name by keyboard, see the chips, release v3 and see them move. */

const V1 = 'peteollama:property-manager-v1';
const V2 = 'peteollama:property-manager-v2';
const V3 = 'peteollama:property-manager-v3';
const ALIAS = 'peteollama:property-manager';

function entry(name: string, version: string) {
  return {
    name,
    display_name: `Property Manager ${version}`,
    description: `The ${version} property manager`,
    version,
    base_model: 'llama3:latest',
    modelfile: 'models/Modelfile',
    show_in_ui: true,
    auto_preload: false,
    status: 'available',
  };
}

test.use({
  registry: {
    default_model: V1,
    models: { [V1]: entry(V1, 'v1'), [V2]: entry(V2, 'v2'), [V3]: entry(V3, 'v3') },
    base_models: { 'llama3:latest': { display_name: 'Llama 3', status: 'available' } },
  },
});

/** Opens a card's menu by keyboard and picks "Release as…". */
async function releaseFromCard(page: Page, name: string): Promise<void> {
  await card(page, name).getByRole('button', { name: /Actions for/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Release as…' }).focus();
  await page.keyboard.press('Enter');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`release v2 as the family's name, then v3: the chip moves (${colorScheme})`, async ({ page, server, fake }) => {
    await page.emulateMedia({ colorScheme });
    fake.addModel({ name: V2, parentModel: 'llama3:latest', system: 'I am v2.' });
    fake.addModel({ name: V3, parentModel: 'llama3:latest', system: 'I am v3.' });
    await page.goto(server.url);
    await expect(card(page, V3).getByTestId('status-chip')).toHaveText('Available');

    await releaseFromCard(page, V2);
    const dialog = page.getByTestId('release-dialog');
    const alias = dialog.getByTestId('release-alias');
    await expect(alias).toBeFocused();
    await expect(alias).toHaveValue(ALIAS);
    // A registered version's own name is refused as typed.
    await alias.fill(V1);
    await expect(dialog.locator('.field-error')).toContainText("is a registered version's own name");
    await expect(dialog.getByTestId('release-submit')).toBeDisabled();
    await alias.fill(ALIAS);
    await snap(page, `release-dialog-${colorScheme}`);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);

    await expect(card(page, V2).getByTestId('alias-chip')).toHaveText(new RegExp(ALIAS));
    await expect(card(page, V3).getByTestId('alias-chip')).toHaveCount(0);
    await expect(page.getByTestId('family-alias')).toHaveAttribute('data-model-name', V2);
    await expect(page.getByTestId('family-alias')).toContainText('v2');
    expect(fake.requestsTo('/api/copy').map((r) => r.body)).toEqual([{ source: V2, destination: ALIAS }]);
    const onDisk = JSON.parse(await readFile(join(server.workspace, 'model_settings.json'), 'utf8')) as { aliases?: Record<string, { model: string }> };
    expect(onDisk.aliases?.[ALIAS]?.model).toBe(V2);
    await snap(page, `release-family-v2-${colorScheme}`);

    // v3 from its Versions tab; the dialog proposes the name the family is released under.
    await card(page, V3).getByTestId('model-card-open').click();
    const detail = page.locator(`[data-testid="model-detail"][data-model-name="${V3}"]`);
    await detail.getByRole('tab', { name: 'Versions' }).click();
    const row3 = detail.locator(`[data-testid="version-row"][data-model-name="${V3}"]`);
    await row3.getByTestId('version-release').focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('release-alias')).toHaveValue(ALIAS);
    await expect(dialog).toContainText(`It points at ${V2} now; releasing moves it to ${V3}.`);
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(row3.getByTestId('alias-chip')).toHaveText(new RegExp(ALIAS));
    await expect(detail.locator(`[data-testid="version-row"][data-model-name="${V2}"]`).getByTestId('alias-chip')).toHaveCount(0);
    await expect(detail.getByTestId('family-alias')).toContainText('v3');
    const digest = (name: string): unknown => fake.tags().find((m) => m.name === name)?.digest;
    expect(digest(ALIAS)).toBe(digest(V3));
    await snap(page, `release-versions-v3-${colorScheme}`);
  });
}
