import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';

export interface ServeOptions {
  /** Null: the last workspace from settings, else the default one. */
  workspace: string | null;
  /** Null: the host from settings, else OLLAMA_HOST, else the default. */
  ollama: string | null;
  host: string;
  port: number;
  token: string;
  /** Where app settings live (not the workspace). */
  dataDir: string;
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

  --workspace DIR   workspace folder (model_settings.json + models/); created from the examples if empty
  --ollama URL      Ollama host (default: settings, then OLLAMA_HOST, then http://127.0.0.1:11434)
  --port N          port to listen on (default 8000; 0 picks a free one)
  --host ADDR       address to bind (default 127.0.0.1; anything else exposes the app to your network)
  --token T         API token (default: MODELWRIGHT_TOKEN, else a random one printed at start)
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
  const token = values.token ?? (env.MODELWRIGHT_TOKEN || undefined) ?? randomBytes(24).toString('base64url');
  if (token.length < 16) throw new AppError('validation', 'The token must be at least 16 characters long');
  if (!/^[\x21-\x7e]+$/.test(token)) throw new AppError('validation', 'The token must be printable ASCII without spaces');

  return {
    workspace: values.workspace ? resolve(values.workspace) : null,
    ollama: values.ollama ?? null,
    host: values.host ?? '127.0.0.1',
    port,
    token,
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(env),
  };
}
