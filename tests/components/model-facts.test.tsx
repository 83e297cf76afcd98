// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { modelFacts, type ModelFacts } from '../../src/shared/model-facts';
import { LLAMA31_8B_INFO, LLAMA31_8B_SIZE } from '../support/models/model-info';
import { V1, renderLifecycle } from './lifecycle-support';
import { modelfileDoc } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

function factsOf(parameters = ''): ModelFacts {
  return modelFacts({
    name: V1,
    digest: 'sha256:' + '0'.repeat(64),
    size: LLAMA31_8B_SIZE,
    details: { family: 'llama', parameter_size: '8.0B', quantization_level: 'Q4_K_M' },
    show: { modelInfo: LLAMA31_8B_INFO, parameters, capabilities: ['completion', 'tools'] },
    serverVersion: '0.31.0',
  });
}

function renderV1(handlers: Parameters<typeof renderLifecycle>[1] = {}) {
  return renderLifecycle({ detail: { name: V1, tab: 'overview' } }, { 'models.facts': () => factsOf(), ...handlers });
}

describe('the model page: facts and memory', () => {
  it('shows the facts, the context it runs with and why, and capability badges', async () => {
    renderV1();
    const section = await screen.findByTestId('model-facts');
    await waitFor(() => expect(within(section).getByTestId('fact-architecture').textContent).toBe('llama'));
    expect(within(section).getByTestId('fact-context').textContent).toMatch(/server default: 4096 on GPUs under 24 GiB/);
    expect(within(section).getByTestId('capabilities').textContent).toBe('ChatTools');
  });

  it('reads the facts again when Ollama has a new digest for the model (a rebuild)', async () => {
    let asked = 0;
    const { store } = renderV1({ 'models.facts': () => (asked++, factsOf(asked > 1 ? 'num_ctx 8192' : '')) });
    await waitFor(() => expect(screen.getByTestId('fact-context').getAttribute('data-source')).toBe('server-default'));
    const sync = store.getState().sync!;
    store.setState({ sync: { ...sync, ollamaModels: sync.ollamaModels.map((m) => (m.name === V1 ? { ...m, digest: 'sha256:' + '1'.repeat(64) } : m)) } });
    await waitFor(() => expect(screen.getByTestId('fact-context').textContent).toBe('8192, from PARAMETER num_ctx in its Modelfile'));
    // The answer still carries the old digest (the list it read lags): asked once more, not in a loop.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked).toBe(2);
  });

  it('estimates at the chosen context and gives a verdict against the free memory entered', async () => {
    renderV1();
    const slider = (await screen.findByTestId('context-slider')) as HTMLInputElement;
    expect(slider.value).toBe('4096');
    // 4096 tokens: 5,768,004,784 bytes (tests/unit/memory-estimate.test.ts).
    expect(screen.getByTestId('estimate-total').textContent).toBe('5.8 GB');
    fireEvent.change(slider, { target: { value: '8192' } });
    expect(screen.getByTestId('estimate-total').textContent).toBe('6.6 GB');
    fireEvent.change(screen.getByTestId('free-memory'), { target: { value: '6' } });
    expect(screen.getByTestId('estimate-verdict').getAttribute('data-verdict')).toBe('does-not-fit');
    fireEvent.change(screen.getByTestId('free-memory'), { target: { value: '7' } });
    expect(screen.getByTestId('estimate-verdict').getAttribute('data-verdict')).toBe('tight');
    fireEvent.change(screen.getByTestId('free-memory'), { target: { value: '12' } });
    expect(screen.getByTestId('estimate-verdict').getAttribute('data-verdict')).toBe('fits');
  });

  it('compares the estimate with what Ollama measured once the model is loaded', async () => {
    renderLifecycle(
      { detail: { name: V1, tab: 'overview' }, running: [{ name: V1, size: 5_500_000_000, sizeVram: 5_500_000_000, digest: 'a', expiresAt: '2030-01-01T00:00:00Z', contextLength: 4096 }] },
      { 'models.facts': () => factsOf() },
    );
    const measured = await screen.findByTestId('estimate-measured');
    expect(measured.textContent).toMatch(/with 4096 tokens: Ollama measured 5.5 GB in GPU memory; the estimate at that size is 5.8 GB \(\+5% off\)/);
  });

  it('asks, with the numbers, before a load that will not fit; Cancel does not load', async () => {
    const { client, store } = renderV1({ 'ollama.load': () => ({ running: [] }) });
    await screen.findByTestId('context-slider');
    fireEvent.change(screen.getByTestId('free-memory'), { target: { value: '4' } });
    const loading = store.getState().loadModel(V1, null);
    await waitFor(() => expect(store.getState().memoryConfirm?.message).toMatch(/needs about 5.8 GB at 4096 tokens .* more than the 4 GB free you entered/));
    store.getState().answerMemoryConfirm(false);
    expect((await loading).ok).toBe(false);
    expect(client.callsTo('ollama.load')).toEqual([]);
  });

  it('writes PARAMETER num_ctx into the Modelfile with the conflict check, then offers Rebuild', async () => {
    const user = userEvent.setup();
    const { client } = renderV1({
      'modelfile.read': ({ path }: { path: string }) => modelfileDoc(path, 'FROM llama3:latest\nPARAMETER temperature 0.7\n'),
      'modelfile.write': ({ path, content }: { path: string; content: string }) => modelfileDoc(path, content),
    });
    const slider = await screen.findByTestId('context-slider');
    fireEvent.change(slider, { target: { value: '16384' } });
    await user.click(screen.getByTestId('set-context'));
    await screen.findByTestId('context-saved');
    const [write] = client.callsTo('modelfile.write') as Array<{ content: string; expectedSha256: string | null }>;
    expect(write?.content).toBe('FROM llama3:latest\nPARAMETER temperature 0.7\nPARAMETER num_ctx 16384\n');
    expect(write?.expectedSha256).not.toBeNull();
    expect(screen.getByTestId('context-rebuild')).toBeTruthy();
  });

  it('says what to do when the Modelfile changed on disk meanwhile', async () => {
    const user = userEvent.setup();
    const { AppError } = await import('../../src/shared/errors');
    renderV1({
      'modelfile.write': () => {
        throw new AppError('conflict', 'models/Modelfile.enhanced changed on disk since it was opened: reload it or save anyway.');
      },
    });
    await screen.findByTestId('context-slider');
    await user.click(screen.getByTestId('set-context'));
    expect((await screen.findByTestId('context-failed')).textContent).toMatch(/changed on disk/);
  });
});
