// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CliPathSetting } from '../../src/renderer/src/components/settings/CliPathSetting';
import { appInfo } from './support/fixtures';
import { renderWithStore } from './support/render';

describe('Settings › Command line', () => {
  it('"Add modelwright to PATH" asks main and shows what it did', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<CliPathSetting />, { appInfo: { ...appInfo, mode: 'desktop' } });
    client.handlers['cli.addToPath'] = () => ({ done: true, path: '/home/ada/.local/bin/modelwright', message: 'Added /home/ada/.local/bin/modelwright. In a new terminal: modelwright list' });
    await user.click(screen.getByRole('button', { name: 'Add modelwright to PATH' }));
    expect(client.callsTo('cli.addToPath')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('cli-path-outcome').textContent).toBe('Added /home/ada/.local/bin/modelwright. In a new terminal: modelwright list'));
  });

  it('in the browser (headless) points at npx in the source folder, with no button', () => {
    renderWithStore(<CliPathSetting />, { appInfo: { ...appInfo, mode: 'headless' } });
    expect(screen.queryByRole('button', { name: 'Add modelwright to PATH' })).toBeNull();
    expect(screen.getByTestId('cli-path-headless').textContent).toContain('npx modelwright');
  });
});
