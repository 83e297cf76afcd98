// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SettingsPage } from '../../src/renderer/src/components/settings/SettingsPage';
import { useThemeAttribute } from '../../src/renderer/src/hooks/use-theme-attribute';
import { useAppStore } from '../../src/renderer/src/store/store-context';
import { AppError } from '../../src/shared/errors';
import { settings, snapshot, syncState } from './support/fixtures';
import { renderWithStore } from './support/render';

describe('Settings page', () => {
  it('shows the effective host as the placeholder of an empty host field', () => {
    renderWithStore(<SettingsPage />, { settings: settings({ ollamaHost: null, effectiveHost: 'http://127.0.0.1:11434' }) });
    const input = screen.getByRole('textbox', { name: 'Ollama host' }) as HTMLInputElement;
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('http://127.0.0.1:11434');
  });

  it("shows the server's validation error inline, next to the field", async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />);
    client.handlers['settings.update'] = () => {
      throw new AppError('validation', 'Invalid input: ollamaHost: must be an http(s) URL', [
        { path: 'ollamaHost', message: 'must be an http(s) URL such as http://127.0.0.1:11434' },
      ]);
    };
    const input = screen.getByRole('textbox', { name: 'Ollama host' });
    await user.type(input, 'ftp://nope');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const error = await screen.findByTestId('host-error');
    expect(error.textContent).toBe('must be an http(s) URL such as http://127.0.0.1:11434');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(error.id);
    expect(client.callsTo('settings.update')).toEqual([{ ollamaHost: 'ftp://nope' }]);
  });

  it('saves a host and confirms it', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />);
    client.handlers['settings.update'] = () => settings({ ollamaHost: 'http://gpu-box:11434', effectiveHost: 'http://gpu-box:11434' });
    client.handlers['sync.now'] = () => syncState();
    client.handlers['ollama.running'] = () => [];
    await user.type(screen.getByRole('textbox', { name: 'Ollama host' }), 'http://gpu-box:11434');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByText(/Saved\. Modelwright now talks to Ollama at/)).textContent).toContain('http://gpu-box:11434');
    expect((screen.getByRole('textbox', { name: 'Ollama host' }) as HTMLInputElement).value).toBe('http://gpu-box:11434');
  });

  it('opens another workspace and shows an error inline when it cannot', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />);
    client.handlers['workspace.open'] = () => {
      throw new AppError('not_found', 'There is no folder at /nope.');
    };
    const input = screen.getByRole('textbox', { name: 'Workspace folder' }) as HTMLInputElement;
    expect(input.value).toBe('/home/ada/models-ws');
    await user.clear(input);
    await user.type(input, '/nope');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByTestId('workspace-error')).textContent).toBe('There is no folder at /nope.');
    expect(client.callsTo('workspace.open')).toEqual([{ path: '/nope' }]);
  });

  it('opens a workspace and confirms it', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SettingsPage />);
    const next = snapshot([]);
    next.workspace = { path: '/home/ada/other', name: 'other', registryPath: '/home/ada/other/model_settings.json' };
    client.handlers['workspace.open'] = () => next;
    client.handlers['sync.now'] = () => syncState();
    client.handlers['settings.get'] = () => settings({ workspace: '/home/ada/other' });
    client.handlers['ollama.running'] = () => [];
    const input = screen.getByRole('textbox', { name: 'Workspace folder' });
    await user.clear(input);
    await user.type(input, '/home/ada/other');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('Opened other.')).toBeTruthy();
  });

  it('applies a theme override to the document and returns to the system theme', async () => {
    const user = userEvent.setup();
    function WithTheme() {
      useThemeAttribute(useAppStore((s) => s.theme));
      return <SettingsPage />;
    }
    renderWithStore(<WithTheme />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    await user.selectOptions(select, 'Dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.selectOptions(select, 'Same as the system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('shows the app version and mode', () => {
    renderWithStore(<SettingsPage />);
    const info = screen.getByTestId('app-info');
    expect(info.textContent).toContain('Modelwright 0.1.0');
    expect(info.textContent).toContain('Headless server');
  });
});
