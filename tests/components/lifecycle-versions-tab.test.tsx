// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../../src/shared/registry';
import { V1, V2, renderLifecycle, seedModels, seedSync } from './lifecycle-support';
import { job, model } from './support/fixtures';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const V3 = 'peteollama:property-manager-v3';
const built = { modelfile_sha256: 'b'.repeat(64), digest: 'sha256:' + 'd'.repeat(64), built_at: '2025-08-09T10:00:00.000Z' };
const family: ModelEntry[] = [
  { ...seedModels[0]!, build: built },
  seedModels[1]!,
  model(V3, { display_name: 'PeteOllama Property Manager v3', version: 'v3', base_model: 'llama3:latest', status: 'failed', failure_reason: 'no FROM line' }),
  model('other-model', { display_name: 'Not family' }),
];

function renderTab(name = V2, state: Parameters<typeof renderLifecycle>[0] = {}) {
  return renderLifecycle({ detail: { name, tab: 'versions' }, ...state }, {}, family);
}

const rows = () => screen.getAllByTestId('version-row');

describe('Versions tab', () => {
  it('lists the family side by side, newest first, without other models', () => {
    renderTab();
    expect(rows().map((r) => r.dataset.modelName)).toEqual([V3, V2, V1]);
    expect(screen.getByRole('table', { name: 'Versions of peteollama:property-manager' })).toBeTruthy();
  });

  it('shows per version: badge, names, base, status chip, when built, and whether it is out of date', () => {
    renderTab(V2, { sync: { ...seedSync, outdated: [V1] } });
    const [v3, v2, v1] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(v1).getByText('v1')).toBeTruthy();
    expect(v1.textContent).toContain('PeteOllama Property Manager v1');
    expect(v1.textContent).toContain('llama3:latest');
    expect(within(v1).getByTestId('status-chip').textContent).toBe('Available');
    expect(within(v1).getByRole('time').getAttribute('dateTime')).toBe(built.built_at);
    expect(within(v1).getByTestId('outdated-marker')).toBeTruthy();
    expect(within(v2).getByTestId('status-chip').textContent).toBe('Pending');
    expect(v2.textContent).toContain('qwen3:30b');
    expect(v2.textContent).toContain('Not built here');
    expect(within(v3).getByTestId('status-chip').textContent).toBe('Failed');
  });

  it('marks the open model as current, and a running create shows on its row', () => {
    renderTab(V2, { jobs: { j: job({ id: 'j', target: V3 }) } });
    const current = rows().find((r) => r.getAttribute('aria-current') === 'true');
    expect(current?.dataset.modelName).toBe(V2);
    expect(within(rows()[0]!).getByTestId('status-chip').textContent).toBe('Creating');
  });

  it('Open goes to that version; New version from here starts from that row', async () => {
    const user = userEvent.setup();
    const { store } = renderTab();
    await user.click(screen.getByRole('button', { name: 'Open PeteOllama Property Manager v1' }));
    expect(store.getState().detail).toEqual({ name: V1, tab: 'overview' });
    await user.click(screen.getByRole('tab', { name: 'Versions' }));
    await user.click(screen.getByRole('button', { name: 'New version from PeteOllama Property Manager v3' }));
    expect(store.getState().modelOpsDialog).toEqual({ kind: 'new-version', from: V3 });
  });

  it('the header button starts from the newest version', async () => {
    const user = userEvent.setup();
    const { store } = renderTab(V1);
    await user.click(screen.getByTestId('versions-new'));
    expect(store.getState().modelOpsDialog).toEqual({ kind: 'new-version', from: V3 });
    expect(screen.getByTestId('versions-new').textContent).toBe('New version from v3');
  });

  it('is reachable with the arrow keys between Modelfile and History', async () => {
    const user = userEvent.setup();
    renderLifecycle({ detail: { name: V1, tab: 'modelfile' } }, {}, family);
    screen.getByRole('tab', { name: 'Modelfile' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Versions' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('versions')).toBeTruthy();
  });
});
