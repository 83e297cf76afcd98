// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import type { ModelEntry } from '../../src/shared/registry';
import { model, ollamaModel, snapshot, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

const sample: ModelEntry[] = [
  model('pm-v1', { display_name: 'Property Manager v1', description: 'Answers tenants', base_model: 'llama3:latest' }),
  model('pm-v2', { display_name: 'Property Manager v2', description: 'Answers tenants about leases', base_model: 'qwen3:30b', status: 'pending' }),
  model('coder', { display_name: 'Code Helper', description: 'Writes TypeScript', base_model: 'llama3:latest', show_in_ui: false }),
];

const cardNames = () => screen.queryAllByTestId('model-card').map((card) => card.dataset.modelName);

function renderPage(models: ModelEntry[], extra: Parameters<typeof renderWithStore>[1] = {}) {
  return renderWithStore(<ModelsPage />, { snapshot: snapshot(models), ...extra });
}

describe('Models page', () => {
  it('shows every model as a card', () => {
    renderPage(sample);
    expect(cardNames().sort()).toEqual(['coder', 'pm-v1', 'pm-v2']);
    expect(screen.getByTestId('models-summary').textContent).toBe('3 models');
  });

  it('groups versions under a family heading, newest first', () => {
    renderPage([model('bot-v1'), model('solo'), model('bot-v3'), model('bot-v2')]);
    const heading = screen.getByTestId('family-heading');
    expect(heading.textContent).toContain('bot');
    expect(heading.textContent).toContain('3 versions');
    expect(cardNames()).toEqual(['bot-v3', 'bot-v2', 'bot-v1', 'solo']);
  });

  it('searches descriptions from the search box', async () => {
    const user = userEvent.setup();
    renderPage(sample);
    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'leases');
    expect(cardNames()).toEqual(['pm-v2']);
    expect(screen.getByTestId('models-summary').textContent).toBe('1 of 3 models');
  });

  it('filters by status', async () => {
    const user = userEvent.setup();
    renderPage(sample);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Pending');
    expect(cardNames()).toEqual(['pm-v2']);
  });

  it('filters by base model, offering the base models in use', async () => {
    const user = userEvent.setup();
    renderPage(sample);
    const select = screen.getByRole('combobox', { name: 'Base model' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All base models', 'llama3:latest', 'qwen3:30b']);
    await user.selectOptions(select, 'llama3:latest');
    expect(cardNames().sort()).toEqual(['coder', 'pm-v1']);
  });

  it('shows only models shown in the UI when that box is ticked', async () => {
    const user = userEvent.setup();
    renderPage(sample);
    await user.click(screen.getByRole('checkbox', { name: 'Shown in UI only' }));
    expect(cardNames().sort()).toEqual(['pm-v1', 'pm-v2']);
  });

  it('says "No models match" when filters hide everything, and Clear filters brings them back', async () => {
    const user = userEvent.setup();
    renderPage(sample);
    await user.type(screen.getByRole('searchbox', { name: 'Search models' }), 'zebra');
    expect(cardNames()).toEqual([]);
    expect(screen.getByRole('heading', { name: 'No models match' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(cardNames()).toHaveLength(3);
    expect((screen.getByRole('searchbox', { name: 'Search models' }) as HTMLInputElement).value).toBe('');
  });

  it('explains an empty workspace: what the registry is and where it lives', () => {
    renderPage([]);
    const empty = screen.getByTestId('empty-workspace');
    expect(within(empty).getByRole('heading', { name: 'No models in this workspace yet' })).toBeTruthy();
    expect(empty.textContent).toContain('/home/ada/models-ws/model_settings.json');
    expect(empty.textContent).toContain('Add a model to model_settings.json or adopt one from Ollama below.');
    expect(screen.queryByRole('heading', { name: 'No models match' })).toBeNull();
  });

  it('lists models Ollama has but the registry does not, with size and details', () => {
    renderPage(sample, {
      sync: syncState({ discovered: [ollamaModel('mistral:7b', { size: 4_100_000_000, details: { family: 'llama', parameter_size: '7.2B', quantization_level: 'Q4_K_M' } })] }),
    });
    const section = screen.getByRole('region', { name: /In Ollama, not in the registry/ });
    const row = within(section).getByTestId('discovered-model');
    expect(row.dataset.modelName).toBe('mistral:7b');
    expect(row.textContent).toContain('4.1 GB');
    expect(row.textContent).toContain('7.2B');
    expect(row.textContent).toContain('Q4_K_M');
    expect(within(section).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Adopt mistral:7b']);
  });

  it('leaves the discovered section out when there is nothing to show', () => {
    renderPage(sample, { sync: syncState({ discovered: [] }) });
    expect(screen.queryByTestId('discovered-section')).toBeNull();
  });

  it('Sync now calls sync.now', async () => {
    const user = userEvent.setup();
    const { client } = renderPage(sample);
    client.handlers['sync.now'] = () => syncState();
    client.handlers['ollama.running'] = () => [];
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(client.callsTo('sync.now')).toHaveLength(1);
  });

  it('renders only a window of cards for 1,000 models', () => {
    const many = Array.from({ length: 1000 }, (_, i) => model(`model-${String(i).padStart(4, '0')}`));
    renderPage(many);
    const rendered = screen.getAllByTestId('model-card');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0]?.dataset.modelName).toBe('model-0000');
    // The grid is as tall as all rows, so the scrollbar reflects the whole list.
    const grid = screen.getByTestId('model-grid');
    expect(parseInt(grid.style.height, 10)).toBeGreaterThan(250 * 150);
  });
});
