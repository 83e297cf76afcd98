import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { LLAMA3, PROPERTY_MANAGER_V1, QWEN3_30B, startFakeOllama, type FakeOllama } from '../../tests/support/fake-ollama';
import { startServe, type ServeHandle } from './serve-process';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

interface Fixtures {
  /** A fake Ollama that has v1 of the seed's model and llama3, and can pull qwen3:30b. */
  fake: FakeOllama;
  /** A registry to start from (default: the first-run workspace made from the examples). */
  registry: Record<string, unknown> | null;
  /** More `serve` flags for this test. */
  serveArgs: string[];
  server: ServeHandle;
}

export const test = base.extend<Fixtures>({
  registry: [null, { option: true }],
  serveArgs: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  fake: async ({}, use) => {
    const fake = await startFakeOllama({
      models: [PROPERTY_MANAGER_V1, LLAMA3],
      library: [LLAMA3, QWEN3_30B],
      // Slow enough to watch progress, fast enough for a test.
      pull: { steps: 12, stepMs: 120 },
    });
    await use(fake);
    await fake.close();
  },
  server: async ({ fake, registry, serveArgs }, use) => {
    let workspace: string | undefined;
    if (registry) {
      workspace = await mkdtemp(join(tmpdir(), 'mw-ws-'));
      await writeFile(join(workspace, 'model_settings.json'), `${JSON.stringify(registry, null, 2)}\n`);
    }
    const server = await startServe({ ollamaUrl: fake.url, args: serveArgs, ...(workspace ? { workspace } : {}) });
    await use(server);
    await server.stop();
  },
});

export { expect };

/** Saves a screenshot as a test artifact, in the page's current colour scheme. */
export async function snap(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  // Finish transitions first, so a picture never catches a panel half faded in.
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: 'disabled' });
}

/** The card for a registry model. */
export function card(page: Page, name: string) {
  return page.locator(`[data-testid="model-card"][data-model-name="${name}"]`);
}
