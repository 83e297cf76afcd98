import { useId } from 'react';
import { useAppStore } from '../../store/store-context';
import { LocalApiSetting } from '../chat/LocalApiSetting';
import { THEMES, type ThemeChoice } from '../../store/ui-slice';
import { HostSetting } from './HostSetting';
import { HostsSetting } from '../hosts-settings/HostsSetting';
import { OllamaTimeoutsSetting } from './OllamaTimeoutsSetting';
import { WorkspaceSetting } from './WorkspaceSetting';
import { RegistryTransferSetting } from '../transfer/RegistryTransferSetting';
import { UpdatesSetting } from './UpdatesSetting';
import { CliPathSetting } from './CliPathSetting';

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const MODE_LABELS = { desktop: 'Desktop app', headless: 'Headless server (in a browser)' } as const;

function ThemeSetting() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const id = useId();
  return (
    <div className="form-row">
      <label htmlFor={id}>Theme</label>
      <div className="form-row__control">
        <select
          id={id}
          value={theme}
          onChange={(event) => {
            const choice = THEMES.find((t) => t === event.target.value);
            if (choice) setTheme(choice);
          }}
        >
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function AboutSection() {
  const info = useAppStore((s) => s.appInfo);
  if (!info) return <p className="muted">The app version could not be read.</p>;
  return (
    <dl className="facts" data-testid="app-info">
      <dt>Version</dt>
      <dd>
        {info.name} {info.version}
      </dd>
      <dt>Mode</dt>
      <dd>{MODE_LABELS[info.mode]}</dd>
      <dt>Platform</dt>
      <dd>{info.platform}</dd>
    </dl>
  );
}

export function SettingsPage() {
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page__header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <div className="page__scroll page__scroll--padded">
        <section className="settings-section" aria-labelledby="settings-ollama">
          <h2 id="settings-ollama">Ollama</h2>
          <HostSetting />
          <OllamaTimeoutsSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-hosts">
          <h2 id="settings-hosts">Hosts</h2>
          <HostsSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-workspace">
          <h2 id="settings-workspace">Workspace</h2>
          <WorkspaceSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-registry-transfer">
          <h2 id="settings-registry-transfer">Import and export</h2>
          <RegistryTransferSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-local-api">
          <h2 id="settings-local-api">Local API</h2>
          <LocalApiSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance">Appearance</h2>
          <ThemeSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-updates">
          <h2 id="settings-updates">Updates</h2>
          <UpdatesSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-cli">
          <h2 id="settings-cli">Command line</h2>
          <CliPathSetting />
        </section>
        <section className="settings-section" aria-labelledby="settings-about">
          <h2 id="settings-about">About</h2>
          <AboutSection />
        </section>
      </div>
    </section>
  );
}
