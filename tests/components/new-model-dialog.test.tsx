// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { V1, renderLifecycle } from './lifecycle-support';
import { model } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const NAME = 'team/assistant-v1';
const FILE = 'models/Modelfile.team-assistant-v1';
const added = model(NAME, { display_name: 'Team Assistant', version: 'v1', status: 'pending', base_model: 'llama3:latest', modelfile: FILE });

function render(handlers: Parameters<typeof renderLifecycle>[1] = {}, models?: Parameters<typeof renderLifecycle>[2]) {
  return renderLifecycle({}, { 'models.new': () => ({ entry: added, modelfile: FILE, notes: [] }), ...handlers }, models);
}

async function open(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('new-model'));
  return screen.findByRole('dialog', { name: 'New model' });
}

describe('New model dialog', () => {
  it('opens from the Models header with the name focused and Add disabled until it is complete', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await open(user);
    expect(dialog.dataset.testid).toBe('new-model-dialog');
    expect(document.activeElement).toBe(within(dialog).getByTestId('new-model-name'));
    expect((within(dialog).getByTestId('new-model-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByTestId('base-model-select')).toBeTruthy();
  });

  it('checks the name as typed: Ollama’s rules, then names the registry or Ollama use', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await open(user);
    const name = within(dialog).getByTestId('new-model-name');
    await user.type(name, 'bad name');
    expect(within(dialog).getByTestId('name-error').textContent).toContain('Not a valid Ollama name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    await user.clear(name);
    await user.type(name, 'PeteOllama:Property-Manager-V1');
    expect(within(dialog).getByTestId('name-error').textContent).toBe(`The registry already has ${V1}.`);
    await user.clear(name);
    await user.type(name, 'mistral:7b');
    expect(within(dialog).getByTestId('name-error').textContent).toContain('Ollama already has a model named mistral:7b');
    expect((within(dialog).getByTestId('new-model-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('the display name and version follow the name until edited, and the Modelfile path is shown', async () => {
    const user = userEvent.setup();
    render();
    const dialog = await open(user);
    await user.type(within(dialog).getByTestId('new-model-name'), NAME);
    const display = within(dialog).getByTestId('new-model-display') as HTMLInputElement;
    // The adopt rule: the model part of the name, in words.
    expect(display.value).toBe('Assistant v1');
    expect(dialog.textContent).toContain('Version v1, from the name.');
    expect(within(dialog).getByTestId('new-model-modelfile').textContent).toContain(FILE);
    await user.clear(display);
    await user.type(display, 'Helper');
    await user.type(within(dialog).getByTestId('new-model-name'), 'x');
    expect(display.value).toBe('Helper');
  });

  it('Add sends the fields, closes, and opens the new model on its Modelfile', async () => {
    const user = userEvent.setup();
    const { client, store } = render();
    const dialog = await open(user);
    await user.type(within(dialog).getByTestId('new-model-name'), NAME);
    await user.clear(within(dialog).getByTestId('new-model-display'));
    await user.type(within(dialog).getByTestId('new-model-display'), 'Team Assistant');
    await user.type(within(dialog).getByTestId('new-model-description'), 'Answers the team');
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'llama3:latest');
    await user.click(within(dialog).getByTestId('new-model-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.callsTo('models.new')).toEqual([{ name: NAME, display_name: 'Team Assistant', description: 'Answers the team', base_model: 'llama3:latest' }]);
    expect(store.getState().detail).toEqual({ name: NAME, tab: 'modelfile' });
    expect(store.getState().snapshot?.registry.models[NAME]?.status).toBe('pending');
  });

  it('a base typed by hand is sent as typed', async () => {
    const user = userEvent.setup();
    const { client } = render();
    const dialog = await open(user);
    await user.type(within(dialog).getByTestId('new-model-name'), 'helper');
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'Another model…');
    await user.type(within(dialog).getByTestId('base-model-other'), 'llama3.1:8b');
    await user.click(within(dialog).getByTestId('new-model-submit'));
    await waitFor(() => expect(client.callsTo('models.new')).toHaveLength(1));
    expect(client.callsTo('models.new')[0]).toMatchObject({ name: 'helper', display_name: 'Helper', base_model: 'llama3.1:8b' });
  });

  it("shows the server's error beside the field and keeps the dialog open", async () => {
    const user = userEvent.setup();
    render({
      'models.new': () => {
        throw new AppError('conflict', 'Ollama already has a model named x.', [{ path: 'name', message: 'Ollama already has "x"' }]);
      },
    });
    const dialog = await open(user);
    await user.type(within(dialog).getByTestId('new-model-name'), NAME);
    await user.selectOptions(within(dialog).getByTestId('base-model-select'), 'llama3:latest');
    await user.click(within(dialog).getByTestId('new-model-submit'));
    expect((await within(dialog).findByTestId('name-error')).textContent).toBe('Ollama already has "x"');
    expect(within(dialog).getByTestId('new-model-error').textContent).toBe('Ollama already has a model named x.');
    expect(screen.getByRole('dialog', { name: 'New model' })).toBeTruthy();
  });

  it('the empty workspace offers New model beside Adopt from Ollama', async () => {
    const user = userEvent.setup();
    const { store } = render({}, []);
    const empty = screen.getByTestId('empty-workspace');
    expect(within(empty).getByTestId('empty-adopt')).toBeTruthy();
    await user.click(within(empty).getByTestId('new-model'));
    expect(store.getState().modelOpsDialog).toEqual({ kind: 'new-model' });
    expect(await screen.findByRole('dialog', { name: 'New model' })).toBeTruthy();
  });
});
