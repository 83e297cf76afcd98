import { join } from 'node:path';
import { homedir } from 'node:os';
import { AppError } from '../shared/errors';
import { appVersion } from './app-version';
import { parseServeArgs, SERVE_USAGE } from './headless/args';
import { installLastResortHandlers } from './headless/last-resort';
import { createToken } from './http/bearer-token';
import { createHttpServer } from './http/server';
import { createAppServices } from './services/app-services';

/**
 * The headless entry (`npm run serve`): the same services as the desktop app, without Electron,
 * behind the token-protected HTTP transport, serving the built UI to a browser.
 */
async function main(): Promise<void> {
  const options = parseServeArgs(process.argv.slice(2), process.env);
  if (options === 'help') {
    console.log(SERVE_USAGE);
    return;
  }

  installLastResortHandlers((line) => console.error(line));
  const services = await createAppServices({
    mode: 'headless',
    dataDir: options.dataDir,
    defaultWorkspace: join(homedir(), 'Modelwright'),
    workspace: options.workspace,
    ollamaHost: options.ollama,
    ollamaTimeouts: options.ollamaTimeouts,
    env: process.env,
    appVersion: appVersion(import.meta.dirname),
  });

  const sessionToken = createToken();
  const server = await createHttpServer({
    handlers: services.handlers,
    bus: services.bus,
    chatProxy: services.chat.chatProxy,
    // The page gets a fresh session each run; the API key (--token) never opens /rpc or /events.
    credentials: { apiKey: options.apiKey, sessionToken },
    allowWorkspaceSwitch: options.allowWorkspaceSwitch,
    staticDir: join(import.meta.dirname, '../renderer'),
    host: options.host,
    port: options.port,
    log: (line) => console.error(line),
  });

  const workspace = services.session().dir;
  const ollama = services.gateway().host;
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    console.warn(`Warning: bound to ${options.host}; anyone who can reach it and has the token can use the app.`);
  }
  console.log(`Modelwright is serving ${workspace} (Ollama at ${ollama})`);
  services.chat.announceHeadlessApi({ url: server.url, port: server.port, apiKey: options.apiKey });
  console.log(`Open ${server.url}/?token=${encodeURIComponent(sessionToken)}`);
  console.log(
    options.apiKeyGenerated
      ? `API key for /v1 and /admin (Authorization: Bearer …): ${options.apiKey}`
      : 'API key for /v1 and /admin: the one given with --token or MODELWRIGHT_TOKEN',
  );
  if (options.allowWorkspaceSwitch) console.log('The UI may open other workspace folders (--allow-workspace-switch).');

  const shutdown = (): void => {
    void Promise.all([server.close(), services.stop()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`modelwright serve: ${message}`);
  process.exit(error instanceof AppError ? 2 : 1);
});
