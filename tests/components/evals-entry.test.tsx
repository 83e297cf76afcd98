// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Sidebar } from '../../src/renderer/src/components/frame/Sidebar';
import { renderLifecycle, V2 } from './lifecycle-support';
import { renderWithStore } from './support/render';
import { useFakeLayout } from './support/layout';

useFakeLayout({ width: 1200, height: 800 });

const FAMILY = 'peteollama:property-manager';

describe('Evaluate opens from where a family is seen', () => {
  it('the family heading of the models grid', async () => {
    const user = userEvent.setup();
    const { store } = renderLifecycle();
    await user.click(screen.getByRole('button', { name: `Evaluate ${FAMILY}` }));
    expect(store.getState().page).toBe('evals');
    expect(store.getState().evalView).toEqual({ family: FAMILY, runId: null });
  });

  it('the Versions tab of a model page', async () => {
    const user = userEvent.setup();
    const { store } = renderLifecycle({ detail: { name: V2, tab: 'versions' } });
    await user.click(screen.getByTestId('versions-evaluate'));
    expect(store.getState().evalView).toEqual({ family: FAMILY, runId: null });
    expect(store.getState().detail).toBeNull();
  });

  it('the model page’s menu, by keyboard', async () => {
    const user = userEvent.setup();
    const { store } = renderLifecycle({ detail: { name: V2, tab: 'overview' } });
    screen.getByRole('button', { name: /^More actions for/ }).focus();
    await user.keyboard('{Enter}');
    const item = await screen.findByRole('menuitem', { name: 'Evaluate versions' });
    item.focus();
    await user.keyboard('{Enter}');
    expect(store.getState().evalView).toEqual({ family: FAMILY, runId: null });
  });

  it('the sidebar’s Evaluate lists the families', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<Sidebar />, { page: 'models', evalView: { family: 'x', runId: null } });
    await user.click(screen.getByRole('button', { name: 'Evaluate' }));
    expect(store.getState().page).toBe('evals');
    expect(store.getState().evalView).toEqual({ family: null, runId: null });
  });
});

describe('an evaluation on the Jobs page', () => {
  it('offers its results, not a model to open', async () => {
    const user = userEvent.setup();
    const { JobPanel } = await import('../../src/renderer/src/components/jobs/JobPanel');
    const { job } = await import('./support/fixtures');
    const { store } = renderWithStore(<JobPanel job={job({ id: 'e1', kind: 'eval', target: FAMILY, state: 'succeeded', endedAt: '2026-12-03T14:00:00.000Z' })} showTarget />);
    expect(screen.queryByRole('button', { name: 'Open model' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show results' }));
    expect(store.getState().evalView).toEqual({ family: FAMILY, runId: null });
  });
});
