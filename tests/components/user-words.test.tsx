// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReplyError } from '../../src/renderer/src/components/chat/ReplyError';
import { Notifications } from '../../src/renderer/src/components/frame/Notifications';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import { FakeClient } from './support/fake-client';
import { model, modelfileDoc, snapshot } from './support/fixtures';
import { useFakeLayout } from './support/layout';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

const OFFLINE = 'Ollama is not reachable at http://127.0.0.1:11434 (connection refused). Start it with `ollama serve` (or open the Ollama app), or check the host in Settings.';

describe('messages on screen', () => {
  it('a chat error shows `ollama serve` as code, never as backticks', () => {
    renderWithStore(<ReplyError error={{ kind: 'offline', message: OFFLINE, fix: 'start-ollama', model: null }} lane="a" canRetry={false} />);
    const error = screen.getByTestId('reply-error');
    expect(error.textContent).not.toContain('`');
    expect(error.textContent).toContain('Start it with ollama serve (or open');
    expect(within(error).getByText('ollama serve').tagName).toBe('CODE');
  });

  it('a notification shows backticked words as code', () => {
    const { store } = renderWithStore(<Notifications />);
    store.getState().notify({ tone: 'error', title: 'Could not sync', message: OFFLINE });
    return screen.findByTestId('notification').then((notice) => {
      expect(notice.textContent).not.toContain('`');
      expect(within(notice).getByText('ollama serve').tagName).toBe('CODE');
    });
  });
});

describe('one Create per page', () => {
  const pending = model('pm-v2', { display_name: 'PM v2', status: 'pending', modelfile: 'models/v2.Modelfile' });

  it('the Modelfile tab has one Create (beside Save), the other tabs one in the header', async () => {
    const user = userEvent.setup();
    const client = new FakeClient({
      'modelfile.read': ({ path }) => modelfileDoc(path, 'FROM llama3\n'),
      'modelfile.preview': () => ({ request: {}, uploads: [], errors: [], warnings: [] }),
    });
    renderWithStore(<ModelsPage />, { snapshot: snapshot([pending]), detail: { name: 'pm-v2', tab: 'overview' } }, client);
    const detail = screen.getByTestId('model-detail');
    const creates = () => within(detail).queryAllByRole('button', { name: 'Create' }).filter((b) => !b.closest('[hidden]'));
    expect(creates()).toHaveLength(1);
    await user.click(within(detail).getByRole('tab', { name: 'Modelfile' }));
    await screen.findByTestId('editor-create');
    expect(creates()).toHaveLength(1);
    expect(creates()[0]?.dataset.testid).toBe('editor-create');
  });
});
