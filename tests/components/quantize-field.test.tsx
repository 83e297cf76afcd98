// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderLifecycle, seedSync } from './lifecycle-support';
import { model, ollamaModel, syncState } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const NAME = 'tiny-v1';
const FILE = 'models/Modelfile.tiny-v1';
const FP16 = 'llama3.2:3b-instruct-fp16';
const added = model(NAME, { display_name: 'Tiny v1', version: 'v1', status: 'pending', base_model: FP16, modelfile: FILE });

function render() {
  const sync = syncState({
    ...seedSync,
    ollamaModels: [...seedSync.ollamaModels, ollamaModel(FP16, { details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'F16' } })],
  });
  return renderLifecycle({ sync }, { 'models.new': () => ({ entry: added, modelfile: FILE, notes: [] }) });
}

async function open(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('new-model'));
  const dialog = await screen.findByRole('dialog', { name: 'New model' });
  await user.type(within(dialog).getByTestId('new-model-name'), NAME);
  return dialog;
}

function reasonOf(dialog: HTMLElement): string {
  const select = within(dialog).getByTestId('quantize-select');
  return document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

describe('Quantize in New model', () => {
  it('is disabled with the reason for an already quantized base, and offers Ollama’s six types for an F16 one', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await open(user);
    const select = within(dialog).getByTestId('quantize-select') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(reasonOf(dialog)).toBe('Choose a base model first.');

    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'llama3:latest');
    expect(select.disabled).toBe(true);
    expect(reasonOf(dialog)).toContain('llama3:latest is already quantized (Ollama lists it as Q4_0)');

    await user.selectOptions(within(dialog).getByTestId('base-model-select'), FP16);
    expect(select.disabled).toBe(false);
    expect(reasonOf(dialog)).toContain('The base is F16');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'Q4_K_M', 'Q4_K_S', 'Q8_0', 'F16', 'BF16', 'F32']);
  });

  it('sends the chosen type, and drops it when the base changes to one that cannot be quantized', async () => {
    const user = userEvent.setup();
    const { client } = render();
    const dialog = await open(user);
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), FP16);
    await user.selectOptions(within(dialog).getByTestId('quantize-select'), 'Q8_0');
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'llama3:latest');
    expect((within(dialog).getByTestId('quantize-select') as HTMLSelectElement).value).toBe('');
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), FP16);
    // Back on a float base, the earlier choice is offered again.
    expect((within(dialog).getByTestId('quantize-select') as HTMLSelectElement).value).toBe('Q8_0');
    await user.click(within(dialog).getByTestId('new-model-submit'));
    await waitFor(() => expect(client.callsTo('models.new')).toHaveLength(1));
    expect(client.callsTo('models.new')[0]).toMatchObject({ base_model: FP16, quantize: 'Q8_0' });
  });

  it('never sends a quantize chosen for a base the user then replaced with a quantized one', async () => {
    const user = userEvent.setup();
    const { client } = render();
    const dialog = await open(user);
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), FP16);
    await user.selectOptions(within(dialog).getByTestId('quantize-select'), 'Q4_K_M');
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'llama3:latest');
    await user.click(within(dialog).getByTestId('new-model-submit'));
    await waitFor(() => expect(client.callsTo('models.new')).toHaveLength(1));
    expect(client.callsTo('models.new')[0]).not.toHaveProperty('quantize');
  });

  it('explains a malformed Hugging Face base as it is typed and keeps Add disabled', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await open(user);
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'Another model…');
    await user.type(within(dialog).getByTestId('base-model-other'), 'hf.co/some.user/repo');
    expect(within(dialog).getByTestId('base_model-error').textContent).toContain('the user "some.user" contains a dot');
    expect((within(dialog).getByTestId('new-model-submit') as HTMLButtonElement).disabled).toBe(true);
  });
});
