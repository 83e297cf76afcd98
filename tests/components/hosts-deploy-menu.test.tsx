// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DeployDialog } from '../../src/renderer/src/components/hosts/DeployDialog';
import { JobPanel } from '../../src/renderer/src/components/jobs/JobPanel';
import { ModelsPage } from '../../src/renderer/src/components/models/ModelsPage';
import { ModelCard } from '../../src/renderer/src/components/models/ModelCard';
import type { HostView } from '../../src/shared/hosts/host-config';
import { FakeClient } from './support/fake-client';
import { job, modelfileDoc, snapshot } from './support/fixtures';
import { host, HOSTS, MATRIX, MODELS } from './support/hosts-fixtures';
import { useFakeLayout } from './support/layout';
import { renderWithStore } from './support/render';

useFakeLayout({ width: 1200, height: 800 });

const V2 = MODELS[1]!;

function client() {
  return new FakeClient({
    'hosts.matrix': () => MATRIX,
    'deploy.version': ({ name, host: on }) => job({ id: 'd1', kind: 'create', target: name, host: on, state: 'queued' }),
    'modelfile.read': ({ path }) => modelfileDoc(path, 'FROM llama3\n'),
    'modelfile.preview': () => ({ request: {}, uploads: [], errors: [], warnings: [] }),
  });
}

function renderCard(hosts: HostView[]) {
  return renderWithStore(
    <>
      <ModelCard model={V2} isDefault={false} readOnly={false} />
      <DeployDialog />
    </>,
    { snapshot: snapshot(MODELS), hosts },
    client(),
  );
}

async function openMenu(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole('button', { name: label }));
  return screen.findByRole('menu');
}

describe('"Deploy to…" from a model', () => {
  it('is not in the card menu while there is only one host', async () => {
    const user = userEvent.setup();
    renderCard([host('local')]);
    const menu = await openMenu(user, 'Actions for Support Bot v2');
    expect(within(menu).queryByRole('menuitem', { name: 'Deploy to…' })).toBeNull();
  });

  it("lists each host with the model's state there, and deploys to the one picked; the row then shows the job", async () => {
    const user = userEvent.setup();
    const { client: fake } = renderCard(HOSTS);
    const menu = await openMenu(user, 'Actions for Support Bot v2');
    await user.click(within(menu).getByRole('menuitem', { name: 'Deploy to…' }));
    const dialog = await screen.findByTestId('deploy-dialog');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Deploy Support Bot v2');
    await waitFor(() => expect(within(dialog).getAllByTestId('cell-chip')).toHaveLength(3));
    const rows = within(dialog).getAllByTestId('deploy-host');
    expect(rows.map((r) => [r.dataset.host, within(r).getByTestId('cell-chip').textContent])).toEqual([
      ['local', 'Available'],
      ['gpu-box', 'Outdated'],
      ['ci-runner', 'Offline'],
    ]);
    expect((within(rows[2]!).getByRole('button', { name: 'Deploy to ci-runner' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(rows[1]!).getByRole('button', { name: 'Deploy to gpu-box' }));
    expect(fake.callsTo('deploy.version')).toEqual([{ name: 'support-bot-v2', host: 'gpu-box' }]);
    await waitFor(() => expect(within(rows[1]!).getByTestId('cell-chip').textContent).toBe('Queued'));
    expect((within(rows[1]!).getByRole('button', { name: 'Deploy to gpu-box' }) as HTMLButtonElement).disabled).toBe(true);
    // Focus went to Close (the pressed button is now disabled); Esc closes, back to the menu button.
    expect(document.activeElement?.textContent).toBe('Close');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('deploy-dialog')).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Actions for Support Bot v2' }));
  });

  it("is in the model page's menu too", async () => {
    const user = userEvent.setup();
    renderWithStore(
      <>
        <ModelsPage />
        <DeployDialog />
      </>,
      { snapshot: snapshot(MODELS), hosts: HOSTS, detail: { name: 'support-bot-v2', tab: 'overview' } },
      client(),
    );
    const detail = screen.getByTestId('model-detail');
    await user.click(within(detail).getByRole('button', { name: 'More actions for Support Bot v2' }));
    await user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Deploy to…' }));
    expect(await screen.findByTestId('deploy-dialog')).toBeTruthy();
  });
});

describe('a job on another host', () => {
  it('says on which host it runs, on the Jobs page and to a screen reader', () => {
    renderWithStore(<JobPanel job={job({ kind: 'create', target: 'support-bot-v2', host: 'gpu-box' })} showTarget />, { snapshot: snapshot(MODELS) });
    expect(screen.getByTestId('job-host').textContent).toBe('on gpu-box');
    expect(screen.getByRole('region', { name: 'Create support-bot-v2 on gpu-box' })).toBeTruthy();
  });

  it('a job on the primary names no host', () => {
    renderWithStore(<JobPanel job={job({ kind: 'create', target: 'support-bot-v2' })} showTarget />, { snapshot: snapshot(MODELS) });
    expect(screen.queryByTestId('job-host')).toBeNull();
  });
});
