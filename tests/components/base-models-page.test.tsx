// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BaseModelsPage } from '../../src/renderer/src/components/base-models/BaseModelsPage';
import { connection, model, ollamaModel, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

const registry = snapshot(
  [model('a', { base_model: 'llama3' }), model('b', { base_model: 'llama3:latest' }), model('c', { base_model: 'qwen3:30b' })],
  {
    baseModels: {
      'llama3:latest': { display_name: 'Llama 3 (Latest)', description: "Meta's Llama 3 base model", size: '4.7 GB', status: 'available' },
      'qwen3:30b': { display_name: 'Qwen 3 (30B)', description: "Alibaba's Qwen 3 30B model", size: '18 GB', status: 'missing' },
    },
  },
);

describe('Base models page', () => {
  it('lists each base model with its details, status, presence in Ollama and how many models use it', () => {
    renderWithStore(<BaseModelsPage />, { snapshot: registry, sync: syncState({ ollamaModels: [ollamaModel('llama3:latest')] }) });
    const rows = screen.getAllByTestId('base-model-row');
    expect(rows.map((r) => r.dataset.modelName)).toEqual(['llama3:latest', 'qwen3:30b']);
    const [llama, qwen] = rows as [HTMLElement, HTMLElement];
    expect(within(llama).getByRole('rowheader').textContent).toBe('Llama 3 (Latest)');
    expect(llama.textContent).toContain("Meta's Llama 3 base model");
    expect(llama.textContent).toContain('4.7 GB');
    expect(within(llama).getByTestId('status-chip').textContent).toBe('Available');
    expect(llama.querySelector('[data-in-ollama]')?.textContent).toBe('Yes');
    expect(within(llama).getByTestId('base-used-by-cell').textContent).toBe('2 models ▾');
    expect(within(qwen).getByTestId('status-chip').textContent).toBe('Missing');
    expect(qwen.querySelector('[data-in-ollama]')?.textContent).toBe('No');
    expect(within(qwen).getByTestId('base-used-by-cell').textContent).toBe('1 model ▾');
  });

  it('says presence in Ollama is unknown while Ollama is offline', () => {
    renderWithStore(<BaseModelsPage />, { snapshot: registry, sync: syncState({ connection: connection({ status: 'offline' }) }) });
    for (const cell of document.querySelectorAll('[data-in-ollama]')) expect(cell.textContent).toBe('Unknown');
  });

  it('explains an empty base model list', () => {
    renderWithStore(<BaseModelsPage />, { snapshot: snapshot([]) });
    expect(screen.getByRole('heading', { name: 'The registry lists no base models' })).toBeTruthy();
  });
});
