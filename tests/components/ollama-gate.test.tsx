// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ModelPrimaryAction } from '../../src/renderer/src/components/models/ModelPrimaryAction';
import { SyncNowButton } from '../../src/renderer/src/components/models/SyncNowButton';
import { LoadModelButton } from '../../src/renderer/src/components/running/LoadModelButton';
import { JobActions } from '../../src/renderer/src/components/jobs/JobActions';
import { selectOllamaUnavailable } from '../../src/renderer/src/store/ollama-usable';
import type { Job } from '../../src/shared/jobs';
import { connection, model, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

/** Issue 10.1: actions that need Ollama are disabled while it is away, with a tooltip and a description saying why. */

const HOST = 'http://127.0.0.1:11434';
const OFFLINE = syncState({ connection: connection({ status: 'offline', host: HOST, version: null, message: 'Ollama is not reachable' }) });
const REASON = `Ollama is not reachable at ${HOST}; start it with “ollama serve”.`;

const failedPull: Job = {
  id: 'j1',
  kind: 'pull',
  target: 'llama3:latest',
  state: 'failed',
  error: 'connection lost',
} as unknown as Job;

function Buttons() {
  const entry = model('demo:v1', { status: 'available' });
  return (
    <div>
      <ModelPrimaryAction model={entry} action="rebuild" readOnly={false} />
      <SyncNowButton />
      <LoadModelButton model="demo:v1" title="Demo" available />
      <JobActions job={failedPull} />
    </div>
  );
}

const buttons = () => [
  screen.getByTestId('model-primary-action'),
  screen.getByRole('button', { name: 'Sync now' }),
  screen.getByTestId('load-button'),
  screen.getByTestId('job-retry'),
];

describe('actions that need Ollama', () => {
  it('are disabled offline, each with the reason as tooltip and accessible description', () => {
    renderWithStore(<Buttons />, { sync: OFFLINE, snapshot: snapshot([model('demo:v1', { status: 'available' })]) });
    for (const button of buttons()) {
      expect(button).toHaveProperty('disabled', true);
      expect(button.getAttribute('title')).toBe(REASON);
      const describedBy = button.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      expect(document.getElementById(describedBy ?? '')?.textContent).toBe(REASON);
    }
  });

  it('come back enabled as soon as the connection does, without the reason', () => {
    const { store } = renderWithStore(<Buttons />, { sync: OFFLINE, snapshot: snapshot([model('demo:v1', { status: 'available' })]) });
    act(() => store.getState().receiveSync(syncState()));
    for (const button of buttons()) {
      expect(button).toHaveProperty('disabled', false);
      expect(button.getAttribute('title')).not.toBe(REASON);
      expect(button.hasAttribute('aria-describedby')).toBe(false);
    }
  });

  it('one selector says why: checking, offline, an error, or null when usable', () => {
    const state = (sync: ReturnType<typeof syncState> | null) => ({ sync }) as Parameters<typeof selectOllamaUnavailable>[0];
    expect(selectOllamaUnavailable(state(null))).toMatch(/^Checking whether Ollama answers/);
    expect(selectOllamaUnavailable(state(OFFLINE))).toBe(REASON);
    expect(selectOllamaUnavailable(state(syncState({ connection: connection({ status: 'error', host: HOST }) })))).toMatch(/answered with an error/);
    expect(selectOllamaUnavailable(state(syncState()))).toBeNull();
  });
});
