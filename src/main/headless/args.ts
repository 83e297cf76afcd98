import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { createToken, MIN_TOKEN_LENGTH } from '../http/bearer-token';

export interface ServeOptions {
  /** Null: the last workspace from settings, else the default one. */
  workspace: string | null;
  /** Null: the host from settings, else OLLAMA_HOST, else the default. */
  ollama: string | null;
  host: string;
  port: number;
  /** Opens /v1 and /admin (`--token`, MODELWRIGHT_TOKEN, else random); never /rpc or /events. */
  apiKey: string;
  /** True when the API key was made up here, so `serve` must print it. */
  apiKeyGenerated: boolean;
  /** Lets the UI open another workspace folder over HTTP. */
  allowWorkspaceSwitch: boolean;
  /** Where app settings live (not the workspace). */
  dataDir: string;
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

  --workspace DIR   workspace folder (model_settings.json + models/); created from the examples if empty
  --ollama URL      Ollama host (default: settings, then OLLAMA_HOST, then http://127.0.0.1:11434)
  --port N          port to listen on (default 8000; 0 picks a free one)
  --host ADDR       address to bind (default 127.0.0.1; anything else exposes the app to your network)
  --token T         API key for /v1 and /admin (default: MODELWRIGHT_TOKEN, else a random one printed
                    at start); it never opens the UI's own calls, which use the session in the printed URL
  --allow-workspace-switch
                    let the UI open another workspace folder (off: the server keeps the one it started with)
  --data-dir DIR    where app settings are kept (default: ~/.config/modelwright)
  --help            show this help`;

export function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'modelwright');
}

/** Parses `serve`'s command line; bad input is an AppError that says which option and why. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv): ServeOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        workspace: { type: 'string' },
        ollama: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        token: { type: 'string' },
        'data-dir': { type: 'string' },
        'allow-workspace-switch': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new AppError('validation', `${(error as Error).message}\n\n${SERVE_USAGE}`);
  }
  if (values.help) return 'help';

  const port = values.port === undefined ? 8000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('validation', `--port must be a whole number from 0 to 65535 (got "${values.port}")`);
  }
  const given = values.token ?? (env.MODELWRIGHT_TOKEN || undefined);
  const apiKey = given ?? createToken();
  if (apiKey.length < MIN_TOKEN_LENGTH) throw new AppError('validation', `The token must be at least ${MIN_TOKEN_LENGTH} characters long`);
  if (!/^[\x21-\x7e]+$/.test(apiKey)) throw new AppError('validation', 'The token must be printable ASCII without spaces');

  return {
    workspace: values.workspace ? resolve(values.workspace) : null,
    ollama: values.ollama ?? null,
    host: values.host ?? '127.0.0.1',
    port,
    apiKey,
    apiKeyGenerated: given === undefined,
    allowWorkspaceSwitch: values['allow-workspace-switch'] ?? false,
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(env),
  };
}
