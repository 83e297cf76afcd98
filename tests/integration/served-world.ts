import { createHttpServer, type RunningHttpServer } from '../../src/main/http/server';
import type { FakeModelSeed } from '../support/fake-ollama/index';
import { startWorld, type World } from './create-fixtures';
import { TOKEN } from './http-fixtures';

/** Shared set-up (not a test file): the real services on a fresh workspace and the fake Ollama, behind the HTTP transport. */

export interface ServedWorld extends World {
  server: RunningHttpServer;
  /** Every line the server logged (internal errors, failed requests). */
  logs: string[];
}

export async function startServedWorld(options: { models?: FakeModelSeed[] } = {}): Promise<ServedWorld> {
  const world = await startWorld(options.models ? { models: options.models } : {});
  const logs: string[] = [];
  const server = await createHttpServer({
    handlers: world.services.handlers,
    bus: world.services.bus,
    chatProxy: world.services.chat.chatProxy,
    token: TOKEN,
    staticDir: null,
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
    },
  };
}
