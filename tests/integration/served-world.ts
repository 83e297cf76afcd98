import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import type { FakeModelSeed } from '../support/fake-ollama/index';
import { startWorld, type World } from './create-fixtures';
import { API_KEY, TOKEN } from './http-fixtures';

/** Shared set-up (not a test file): the real services on a fresh workspace and the fake Ollama, behind the HTTP transport. */

export interface ServedWorld extends World {
  server: RunningHttpServer;
  /** Every line the server logged (internal errors, failed requests). */
  logs: string[];
}

/** A built UI of one page, so paths outside the API reach the static files as in production. */
function tinyUi(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mw-ui-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Modelwright</title>\n');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'export {};\n');
  return dir;
}

export async function startServedWorld(options: { models?: FakeModelSeed[] } = {}): Promise<ServedWorld> {
  const world = await startWorld(options.models ? { models: options.models } : {});
  const ui = tinyUi();
  const logs: string[] = [];
  const server = await createHttpServer({
    handlers: world.services.handlers,
    bus: world.services.bus,
    chatProxy: world.services.chat.chatProxy,
    credentials: { apiKey: API_KEY, sessionToken: TOKEN },
    staticDir: ui,
    host: '127.0.0.1',
    port: 0,
    log: (line) => logs.push(line),
    pingIntervalMs: 1000,
  });
  return {
    ...world,
    server,
    logs,
    async close() {
      await server.close();
      await world.close();
      fs.rmSync(ui, { recursive: true, force: true });
    },
  };
}
