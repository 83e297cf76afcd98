// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HostsPage } from '../../src/renderer/src/components/hosts/HostsPage';
import type { Plan } from '../../src/shared/deploy/plan-schema';
import type { Handlers } from './support/fake-client';
import { job, progress, snapshot } from './support/fixtures';
import { HOSTS, MATRIX, MODELS, OFFLINE_REASON, PLAN } from './support/hosts-fixtures';
import { useFakeLayout } from './support/layout';
import { readyClient } from './support/ready-client';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

const APPLY_JOB = job({ id: 'apply-1', kind: 'apply', target: 'all hosts', host: null, state: 'running', createdAt: '2026-12-03T10:02:00.000Z' });

function renderHosts(handlers: Handlers = {}) {
  const client = readyClient(MODELS, {
    'hosts.list': () => HOSTS,
    'hosts.matrix': () => MATRIX,
    'deploy.plan': () => PLAN,
    'deploy.apply': () => ({ plan: PLAN, job: APPLY_JOB }),
    'jobs.cancel': () => ({ ...APPLY_JOB, state: 'cancelled', endedAt: '2026-12-03T10:03:00.000Z' }),
    ...handlers,
  });
  return renderWithStore(<HostsPage />, { snapshot: snapshot(MODELS), page: 'hosts', hosts: HOSTS }, client);
}

describe('plan and apply', () => {
  it('shows the plan per host in words: actions with kind and reason, what is left alone, offline hosts with their message', async () => {
    const user = userEvent.setup();
    const { client } = renderHosts();
    await screen.findByTestId('hosts-matrix');
    await user.click(screen.getByTestId('plan-all'));
    const dialog = await screen.findByTestId('plan-dialog');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Plan for all hosts');
    await within(dialog).findByTestId('plan-summary');
    expect(client.callsTo('deploy.plan')).toEqual([{ prune: false }]);
    expect(within(dialog).getByTestId('plan-summary').textContent).toBe('3 changes on 1 host. Nothing changes until you apply.');
    const hosts = within(dialog).getAllByTestId('plan-host');
    expect(hosts.map((h) => h.dataset.host)).toEqual(['local', 'gpu-box', 'ci-runner']);
    const gpu = hosts[1]!;
    expect(within(gpu).getAllByTestId('plan-action').map((a) => a.textContent)).toEqual([
      'Pull llama3:latest — pm-v1 is built on it',
      'Create support-bot-v2 — outdated: its Modelfile changed since it was built there',
      'Create pm-v1 — not on this host yet',
    ]);
    expect(within(gpu).getByTestId('plan-skipped').textContent).toContain('broken-v1: its Modelfile has 2 problems');
    expect(within(hosts[0]!).getByText('Nothing to do')).toBeTruthy();
    expect(within(hosts[2]!).getByTestId('plan-host-offline').textContent).toBe(OFFLINE_REASON);
    expect(within(dialog).getByTestId('plan-apply').textContent).toBe('Apply 3 changes');
  });

  it('says "Nothing to do" with only a Close when every host matches', async () => {
    const user = userEvent.setup();
    const nothing: Plan = { ...PLAN, changes: 0, hosts: PLAN.hosts.map((h) => ({ ...h, actions: [] })) };
    renderHosts({ 'deploy.plan': () => nothing });
    await screen.findByTestId('hosts-matrix');
    await user.click(screen.getByTestId('plan-all'));
    const dialog = await screen.findByTestId('plan-dialog');
    expect((await within(dialog).findByTestId('plan-summary')).textContent).toBe('Nothing to do: every host here matches the registry.');
    expect(within(dialog).queryByTestId('plan-apply')).toBeNull();
    expect(within(dialog).getByTestId('plan-close').textContent).toBe('Close');
  });

  it('plans one host from its column menu, and the prune box plans again with removals', async () => {
    const user = userEvent.setup();
    const pruned: Plan = {
      ...PLAN,
      prune: true,
      changes: 1,
      hosts: [{ host: 'gpu-box', primary: false, online: true, message: null, actions: [{ kind: 'remove', model: 'old-bot-v1' }], skipped: [] }],
    };
    const { client } = renderHosts({ 'deploy.plan': (input) => (input.prune ? pruned : { ...PLAN, hosts: [PLAN.hosts[1]!] }) });
    await screen.findByTestId('hosts-matrix');
    const header = screen.getAllByTestId('host-header').find((h) => h.dataset.host === 'gpu-box')!;
    await user.click(within(header).getByRole('button', { name: 'Host gpu-box' }));
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Plan for gpu-box…' }));
    const dialog = await screen.findByTestId('plan-dialog');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Plan for gpu-box');
    await within(dialog).findByTestId('plan-apply');
    await user.click(within(dialog).getByLabelText(/Also remove models no longer in the registry/));
    await waitFor(() => expect(within(dialog).getAllByTestId('plan-action').map((a) => a.textContent)).toEqual(['Remove old-bot-v1 — no longer in the registry (built here by Modelwright)']));
    expect(client.callsTo('deploy.plan')).toEqual([
      { prune: false, hosts: ['gpu-box'] },
      { prune: true, hosts: ['gpu-box'] },
    ]);
    await user.click(within(dialog).getByTestId('plan-apply'));
    expect(client.callsTo('deploy.apply')).toEqual([{ prune: true, hosts: ['gpu-box'] }]);
  });

  it('works by keyboard alone: Plan…, Apply, the progress of the apply and of each job, Stop, then Esc back to Plan…', async () => {
    const user = userEvent.setup();
    const { client, store } = renderHosts();
    await screen.findByTestId('hosts-matrix');
    const planButton = screen.getByTestId('plan-all');
    planButton.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByTestId('plan-dialog');
    // Once the plan is there, its Apply button has focus: Enter applies.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId('plan-apply')));
    await user.keyboard('{Enter}');
    const applying = await within(dialog).findByTestId('apply-progress');
    expect(client.callsTo('deploy.apply')).toEqual([{ prune: false }]);
    expect(within(applying).getByTestId('apply-summary').textContent).toBe('Applying 3 changes on gpu-box…');

    // The apply's own progress, and the jobs it starts on each host.
    store.getState().receiveJob({ ...APPLY_JOB, progress: progress({ status: 'gpu-box: 1 of 3 done', total: 3, completed: 1, percent: 33 }) }, 'event');
    store.getState().receiveJob(job({ id: 'c1', kind: 'pull', target: 'llama3:latest', host: 'gpu-box', state: 'succeeded', createdAt: '2026-12-03T10:02:01.000Z', endedAt: '2026-12-03T10:02:30.000Z' }), 'event');
    store.getState().receiveJob(job({ id: 'c2', kind: 'create', target: 'support-bot-v2', host: 'gpu-box', state: 'running', createdAt: '2026-12-03T10:02:31.000Z', progress: progress({ status: 'writing manifest', percent: 50, total: 10, completed: 5 }) }), 'event');
    await waitFor(() => expect(within(dialog).getAllByTestId('apply-child')).toHaveLength(2));
    expect(within(dialog).getAllByTestId('apply-child').map((c) => c.textContent)).toEqual(['Pull llama3:latest on gpu-boxSucceeded', 'Create support-bot-v2 on gpu-boxRunning']);
    expect(within(dialog).getByTestId('job-progress').textContent).toContain('gpu-box: 1 of 3 done');

    // Focus sits on Hide; Shift+Tab reaches Stop applying.
    expect(document.activeElement).toBe(within(dialog).getByTestId('plan-done'));
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(document.activeElement).toBe(within(dialog).getByTestId('apply-cancel'));
    await user.keyboard('{Enter}');
    expect(client.callsTo('jobs.cancel')).toEqual([{ id: 'apply-1' }]);
    await waitFor(() => expect(within(dialog).getByTestId('apply-summary').textContent).toBe('Stopped. What finished stays done; apply again to do the rest.'));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('plan-dialog')).toBeNull());
    expect(document.activeElement).toBe(planButton);
  });

  it('keeps focus inside the dialog: Tab from the last control wraps to the first', async () => {
    const user = userEvent.setup();
    renderHosts();
    await screen.findByTestId('hosts-matrix');
    await user.click(screen.getByTestId('plan-all'));
    const dialog = await screen.findByTestId('plan-dialog');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByTestId('plan-apply')));
    await user.keyboard('{Tab}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByTestId('plan-prune'));
  });

  it("shows why a plan could not be made, and why apply could not start, and what to do", async () => {
    const user = userEvent.setup();
    let planFails = true;
    renderHosts({
      'deploy.plan': () => {
        if (planFails) throw new Error('The registry is being written by another program. Try again in a moment.');
        return PLAN;
      },
      'deploy.apply': () => {
        throw new Error('gpu-box stopped answering. Check it, then plan again.');
      },
    });
    await screen.findByTestId('hosts-matrix');
    await user.click(screen.getByTestId('plan-all'));
    const dialog = await screen.findByTestId('plan-dialog');
    expect((await within(dialog).findByTestId('plan-error')).textContent).toBe('Could not make the plan: The registry is being written by another program. Try again in a moment.');
    planFails = false;
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    await user.click(await within(dialog).findByTestId('plan-apply'));
    expect((await within(dialog).findByTestId('plan-apply-error')).textContent).toBe('Could not apply: gpu-box stopped answering. Check it, then plan again.');
    expect((within(dialog).getByTestId('plan-apply') as HTMLButtonElement).disabled).toBe(false);
  });
});
