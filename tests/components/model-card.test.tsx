// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelCard } from '../../src/renderer/src/components/models/ModelCard';
import { MODEL_STATUSES, type ModelEntry } from '../../src/shared/registry';
import { model, snapshot } from './support/fixtures';
import { renderWithStore } from './support/render';

function renderCard(entry: ModelEntry, props: { isDefault?: boolean; readOnly?: boolean } = {}) {
  return renderWithStore(<ModelCard model={entry} isDefault={props.isDefault ?? false} readOnly={props.readOnly ?? false} />, {
    snapshot: snapshot([entry]),
  });
}

describe('ModelCard', () => {
  it('shows display name (with a tooltip), version badge, name, base model and description', () => {
    const entry = model('peteollama:property-manager-v2', {
      display_name: 'PeteOllama Property Manager v2',
      version: 'v2',
      base_model: 'qwen3:30b',
      description: 'Property management model v2 trained on qwen3',
    });
    renderCard(entry);
    const card = screen.getByRole('article', { name: 'PeteOllama Property Manager v2' });
    expect(card.dataset.modelName).toBe('peteollama:property-manager-v2');
    expect(card.dataset.testid).toBe('model-card');
    expect(within(card).getByRole('heading', { name: 'PeteOllama Property Manager v2' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'PeteOllama Property Manager v2' }).querySelector('[title]')?.getAttribute('title')).toBe('PeteOllama Property Manager v2');
    expect(within(card).getByTestId('version-badge').textContent).toBe('v2');
    // The Ollama name is cut in the middle at most, so its -v2 always shows; the full name is its tooltip.
    const name = card.querySelector('.model-card__name')!;
    expect(name.textContent).toBe('peteollama:property-manager-v2');
    expect(name.querySelector('.model-name__tail')?.textContent).toBe('-manager-v2');
    expect(name.querySelector('[title]')?.getAttribute('title')).toBe('peteollama:property-manager-v2');
    expect(within(card).getByText('qwen3:30b')).toBeTruthy();
    expect(within(card).getByText('Property management model v2 trained on qwen3')).toBeTruthy();
  });

  it.each(MODEL_STATUSES.map((s) => [s, s[0]!.toUpperCase() + s.slice(1)]))('shows the %s status as a chip reading "%s" with an icon', (status, text) => {
    renderCard(model('m', { status }));
    const chip = screen.getByTestId('status-chip');
    expect(chip.textContent).toBe(text);
    expect(chip.dataset.status).toBe(status);
    expect(chip.querySelector('svg')).not.toBeNull();
  });

  it('marks the default model, visibility and preload', () => {
    renderCard(model('m', { show_in_ui: true, auto_preload: true }), { isDefault: true });
    expect(screen.getByTestId('marker-default').textContent).toBe('★ Default');
    expect(screen.getByTestId('marker-visibility').textContent).toBe('Shown in UI');
    expect(screen.getByTestId('marker-preload').textContent).toBe('Preload');
  });

  it('marks a hidden model and leaves out default and preload when they do not apply', () => {
    renderCard(model('m', { show_in_ui: false, auto_preload: false }));
    expect(screen.getByTestId('marker-visibility').textContent).toBe('Hidden');
    expect(screen.queryByTestId('marker-default')).toBeNull();
    expect(screen.queryByTestId('marker-preload')).toBeNull();
  });

  it('falls back to the Ollama name when the display name is empty', () => {
    renderCard(model('bare', { display_name: '' }));
    expect(screen.getByRole('article', { name: 'bare' })).toBeTruthy();
  });

  it("shows a failed model's reason instead of its description", () => {
    renderCard(model('m', { status: 'failed', failure_reason: 'pull model manifest: file does not exist', description: 'desc' }));
    expect(screen.getByText('Last build failed: pull model manifest: file does not exist')).toBeTruthy();
    expect(screen.queryByText('desc')).toBeNull();
  });

  it('offers only working buttons on a built, current model: open and the menu', () => {
    renderCard(model('m', { status: 'available' }));
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual(['Display m', 'Actions for Display m']);
    expect(screen.queryByTestId('model-primary-action')).toBeNull();
  });
});

describe('ModelCard actions menu', () => {
  it('opens with the keyboard, moves with arrows and closes with Esc, returning focus', async () => {
    const user = userEvent.setup();
    renderCard(model('m'));
    const trigger = screen.getByRole('button', { name: 'Actions for Display m' });
    trigger.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement?.textContent).toContain('Set as default');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toContain('Show in UI');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    // Up from the first item wraps to the last: the lifecycle entries follow the flags.
    expect(document.activeElement?.textContent).toContain('Delete…');
    await user.keyboard('{Escape}');
    expect(menu.isConnected).toBe(false);
    expect(document.activeElement).toBe(trigger);
  });

  it('closes when clicking elsewhere', async () => {
    const user = userEvent.setup();
    renderCard(model('m'));
    await user.click(screen.getByRole('button', { name: 'Actions for Display m' }));
    expect(screen.queryByRole('menu')).not.toBeNull();
    await user.click(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('sets the default through the client', async () => {
    const user = userEvent.setup();
    const { client } = renderCard(model('m'));
    client.handlers['models.setDefault'] = ({ name }) => snapshot([model('m')], { defaultModel: name });
    await user.click(screen.getByRole('button', { name: 'Actions for Display m' }));
    await user.click(screen.getByRole('menuitem', { name: 'Set as default' }));
    expect(client.callsTo('models.setDefault')).toEqual([{ name: 'm' }]);
  });

  it('offers "Clear default" on the default model', async () => {
    const user = userEvent.setup();
    const { client } = renderCard(model('m'), { isDefault: true });
    client.handlers['models.setDefault'] = () => snapshot([model('m')]);
    await user.click(screen.getByRole('button', { name: 'Actions for Display m' }));
    await user.click(screen.getByRole('menuitem', { name: 'Clear default' }));
    expect(client.callsTo('models.setDefault')).toEqual([{ name: null }]);
  });

  it('toggles "Show in UI" and "Preload" as checkable items', async () => {
    const user = userEvent.setup();
    const { client } = renderCard(model('m', { show_in_ui: true, auto_preload: false }));
    client.handlers['models.update'] = ({ name, patch }) => model(name, patch);
    await user.click(screen.getByRole('button', { name: 'Actions for Display m' }));
    const show = screen.getByRole('menuitemcheckbox', { name: 'Show in UI' });
    expect(show.getAttribute('aria-checked')).toBe('true');
    await user.click(show);
    await user.click(screen.getByRole('button', { name: 'Actions for Display m' }));
    const preload = screen.getByRole('menuitemcheckbox', { name: 'Preload when the app starts' });
    expect(preload.getAttribute('aria-checked')).toBe('false');
    await user.click(preload);
    expect(client.callsTo('models.update')).toEqual([
      { name: 'm', patch: { show_in_ui: false } },
      { name: 'm', patch: { auto_preload: true } },
    ]);
  });

  it('disables the actions with an explanation while the registry is read-only', async () => {
    const user = userEvent.setup();
    renderCard(model('m'), { readOnly: true });
    await user.click(screen.getByRole('button', { name: 'Actions for Display m' }));
    const menu = screen.getByRole('menu');
    expect(within(menu).getByText('Read-only until model_settings.json is fixed.')).toBeTruthy();
    for (const item of [...within(menu).getAllByRole('menuitem'), ...within(menu).getAllByRole('menuitemcheckbox')]) {
      // Loading into memory and evaluating write nothing to the registry, so they stay available.
      if (/^(Load|Keep loaded|Unload|Evaluate)/.test(item.textContent ?? '')) continue;
      expect((item as HTMLButtonElement).disabled).toBe(true);
    }
  });
});
