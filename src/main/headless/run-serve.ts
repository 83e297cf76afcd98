import { join } from 'node:path';
import { homedir } from 'node:os';
import { createToken } from '../http/bearer-token';
import { createHttpServer } from '../http/server';
import { createAppServices } from '../services/app-services';
import type { ServeOptions } from './args';

/**
 * The headless server (`npm run serve`, `modelwright serve`): the same services as the desktop
 * app, without Electron, behind the token-protected HTTP transport, serving the built UI to a
 * browser. Resolves once it listens, with the function that stops it.
 */

export interface ServeEnvironment {
  env: NodeJS.ProcessEnv;
  appVersion: string;
  /** The built UI (out/renderer). */
  staticDir: string;
  /** Standard output: the address, the API key. */
  print(line: string): void;
  /** Standard error: warnings and the server's log. */
  log(line: string): void;
}

export async function startServe(options: ServeOptions, environment: ServeEnvironment): Promise<{ stop(): Promise<void> }> {
  const { print, log } = environment;
  const services = await createAppServices({
    mode: 'headless',
    dataDir: options.dataDir,
    defaultWorkspace: join(homedir(), 'Modelwright'),
    workspace: options.workspace,
    ollamaHost: options.ollama,
    ollamaTimeouts: options.ollamaTimeouts,
    hosts: options.extraHosts,
    env: environment.env,
    appVersion: environment.appVersion,
  });

  const sessionToken = createToken();
  // React and the UI's components, for the first page: loaded only by a server that serves the UI.
  const { renderFirstPage } = await import('../../renderer/src/server/render-first-page');
  const server = await createHttpServer({
    handlers: services.handlers,
    bus: services.bus,
    chatProxy: services.chat.chatProxy,
    // The page gets a fresh session each run; the API key (--token) never opens /rpc or /events.
    credentials: { apiKey: options.apiKey, sessionToken },
    allowWorkspaceSwitch: options.allowWorkspaceSwitch,
    staticDir: environment.staticDir,
    renderFirstPage,
    host: options.host,
    port: options.port,
    log,
  });

  const workspace = services.session().dir;
  const ollama = services.gateway().host;
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    log(`Warning: bound to ${options.host}; anyone who can reach it and has the token can use the app.`);
  }
  print(`Modelwright is serving ${workspace} (Ollama at ${ollama})`);
  const others = services.hosts.list().filter((h) => !h.primary);
  if (others.length > 0) print(`Other Ollama hosts: ${others.map((h) => `${h.name} (${h.effectiveUrl}${h.hasToken ? ', with a token' : ''})`).join(', ')}`);
  services.chat.announceHeadlessApi({ url: server.url, port: server.port, apiKey: options.apiKey });
  print(`Open ${server.url}/?token=${encodeURIComponent(sessionToken)}`);
  print(
    options.apiKeyGenerated
      ? `API key for /v1 and /admin (Authorization: Bearer …): ${options.apiKey}`
      : 'API key for /v1 and /admin: the one given with --token or MODELWRIGHT_TOKEN',
  );
  if (options.allowWorkspaceSwitch) print('The UI may open other workspace folders (--allow-workspace-switch).');

  return {
    async stop() {
      await Promise.all([server.close(), services.stop()]);
    },
  };
}
