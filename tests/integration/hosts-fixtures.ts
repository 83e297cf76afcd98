import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../src/main/services/app-services';
import type { SecretBox } from '../../src/main/hosts/encrypted-tokens';
import { startFakeOllamas, type FakeOllama, type FakeOllamaOptions } from '../support/fake-ollama/index';
import { TEMPLATE_DIR } from './create-fixtures';

/** The app's services over a fresh workspace, the first fake as the primary, the others added as hosts. */
export interface HostsWorld {
  fakes: FakeOllama[];
  services: AppServices;
  ws: string;
  dataDir: string;
  events: Array<{ event: string; payload: unknown }>;
  close(): Promise<void>;
}

export async function startHostsWorld(
  specs: ReadonlyArray<FakeOllamaOptions & { hostName: string; token?: string }>,
  options: { env?: NodeJS.ProcessEnv; secrets?: SecretBox; syncIntervalMs?: number; dataDir?: string } = {},
): Promise<HostsWorld> {
  const fakes = await startFakeOllamas(specs);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-hosts-ws-'));
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mw-hosts-data-'));
  const services = await createAppServices({
    mode: options.secrets ? 'desktop' : 'headless',
    dataDir,
    defaultWorkspace: ws,
    workspace: ws,
    ollamaHost: fakes[0]!.url,
    env: options.env ?? {},
    appVersion: '0.0.0-test',
    templateDir: TEMPLATE_DIR,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.syncIntervalMs ? { syncIntervalMs: options.syncIntervalMs } : {}),
  });
  const events: HostsWorld['events'] = [];
  services.bus.subscribe((event, payload) => events.push({ event, payload }));
  await services.session().sync.syncNow();
  for (const [i, spec] of specs.entries()) {
    if (i === 0) continue;
    await services.handlers['hosts.add']({ name: spec.hostName, url: fakes[i]!.url, ...(spec.token ? { token: spec.token } : {}) });
  }
  return {
    fakes,
    services,
    ws,
    dataDir,
    events,
    async close() {
      await services.stop();
      await Promise.all(fakes.map((f) => f.close()));
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function statuses(services: AppServices): Record<string, string> {
  const registry = services.session().store.get().registry;
  return Object.fromEntries(
    [...Object.entries(registry?.models ?? {}), ...Object.entries(registry?.base_models ?? {})].map(([name, entry]) => [name, String(entry.status)]),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
