// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../src/shared/registry';
import { V2, renderLifecycle, seedModels, seedSync } from './lifecycle-support';
import { modelfileDoc, ollamaModel, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const FP16 = 'llama3.2:3b-instruct-fp16';
const update = ({ name, patch }: { name: string; patch: Record<string, unknown> }): ModelEntry => ({ ...seedModels.find((m) => m.name === name)!, ...patch }) as ModelEntry;
const sync = syncState({
  ...seedSync,
  ollamaModels: [...seedSync.ollamaModels, ollamaModel(FP16, { details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'F16' } })],
});

function render(from: string, models: ModelEntry[] = seedModels) {
  return renderLifecycle(
    { detail: { name: V2, tab: 'overview' }, sync },
    { 'models.update': update, 'modelfile.read': ({ path }) => modelfileDoc(path, `FROM ${from}\n`) },
    models,
  );
}

describe('Quantize in the Overview', () => {
  it('saves a type for an F16 base (what the Modelfile builds FROM)', async () => {
    const user = userEvent.setup();
    const { client } = render(FP16);
    const row = await screen.findByTestId('overview-quantize');
    const select = within(row).getByTestId('overview-quantize-select') as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(within(row).getByTestId('overview-quantize-note').textContent).toContain('the base is F16');
    await user.selectOptions(select, 'Q4_K_M');
    await waitFor(() => expect(client.callsTo('models.update')).toEqual([{ name: V2, patch: { quantize: 'Q4_K_M' } }]));
  });

  it('is disabled with the reason for a quantized base', async () => {
    render('llama3:latest');
    const row = await screen.findByTestId('overview-quantize');
    await waitFor(() => expect(within(row).getByTestId('overview-quantize-note').textContent).toContain('llama3:latest is already quantized (Ollama lists it as Q4_0)'));
    expect((within(row).getByTestId('overview-quantize-select') as HTMLSelectElement).disabled).toBe(true);
  });

  it('keeps a value the base cannot take visible, as an error, and lets it be cleared', async () => {
    const user = userEvent.setup();
    const models = seedModels.map((m) => (m.name === V2 ? { ...m, quantize: 'Q8_0' } : m));
    const { client } = render('llama3:latest', models);
    const row = await screen.findByTestId('overview-quantize');
    const note = within(row).getByTestId('overview-quantize-note');
    await waitFor(() => expect(note.textContent).toContain('or the create fails'));
    expect(note.className).toBe('field-error');
    const select = within(row).getByTestId('overview-quantize-select') as HTMLSelectElement;
    expect(select.value).toBe('Q8_0');
    await user.selectOptions(select, '');
    await waitFor(() => expect(client.callsTo('models.update')).toEqual([{ name: V2, patch: { quantize: '' } }]));
  });
});
