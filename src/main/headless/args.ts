import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { hostNameSchema } from '../../shared/hosts/host-config';
import type { StoredHost } from '../../shared/hosts/host-list';
import { hostProblem } from '../../shared/ollama-host';
import { OLLAMA_TIMEOUT_LIMITS, type OllamaTimeoutName, type OllamaTimeoutsPatch } from '../../shared/ollama-timeouts';
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
  /** Ollama time limits given here (seconds); remembered in settings. */
  ollamaTimeouts: OllamaTimeoutsPatch;
  /** More Ollama hosts (`--add-ollama NAME=URL`, MODELWRIGHT_OLLAMA_HOSTS); remembered in settings. */
  extraHosts: StoredHost[];
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

  --workspace DIR   workspace folder (model_settings.json + models/); created from the examples if empty
  --ollama URL      Ollama host (default: settings, then OLLAMA_HOST, then http://127.0.0.1:11434)
  --add-ollama NAME=URL
                    one more Ollama host, e.g. gpu=gpu-box:11434 (repeatable; also
                    MODELWRIGHT_OLLAMA_HOSTS="gpu=gpu-box,ci=10.0.0.5"); its bearer token, if any,
                    from MODELWRIGHT_HOST_TOKEN_<NAME> or host-tokens.json (mode 600) in --data-dir
  --port N          port to listen on (default 8000; 0 picks a free one)
  --host ADDR       address to bind (default 127.0.0.1; anything else exposes the app to your network)
  --token T         API key for /v1 and /admin (default: MODELWRIGHT_TOKEN, else a random one printed
                    at start); it never opens the UI's own calls, which use the session in the printed URL
  --allow-workspace-switch
                    let the UI open another workspace folder (off: the server keeps the one it started with)
  --data-dir DIR    where app settings are kept (default: ~/.config/modelwright)
  --ollama-stall-timeout S    give up a create, pull, chat or upload after S seconds without
                              a byte from Ollama (default 600; the wait shows after a few seconds)
  --ollama-connect-timeout S  limit for connecting to Ollama (default 10)
  --ollama-call-timeout S     limit for a quick call such as the model list (default 5)
  --help            show this help`;

const TIMEOUT_FLAGS = { 'ollama-stall-timeout': 'stallSeconds', 'ollama-connect-timeout': 'connectSeconds', 'ollama-call-timeout': 'callSeconds' } as const;
const TIMEOUT_OPTIONS = {
  'ollama-stall-timeout': { type: 'string' },
  'ollama-connect-timeout': { type: 'string' },
  'ollama-call-timeout': { type: 'string' },
} as const;

function parseTimeoutFlags(values: Partial<Record<keyof typeof TIMEOUT_FLAGS, string | boolean | undefined>>): OllamaTimeoutsPatch {
  const patch: OllamaTimeoutsPatch = {};
  for (const [flag, key] of Object.entries(TIMEOUT_FLAGS) as Array<[keyof typeof TIMEOUT_FLAGS, OllamaTimeoutName]>) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const { min, max } = OLLAMA_TIMEOUT_LIMITS[key];
    const seconds = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < min || seconds > max) {
      throw new AppError('validation', `--${flag} must be a number of seconds from ${min} to ${max} (got "${raw}")`);
    }
    patch[key] = seconds;
  }
  return patch;
}

/** `gpu=gpu-box:11434,ci=10.0.0.5`: each NAME=URL checked now, so a typo stops the start with its reason. */
export function parseHostList(text: string, source: string): StoredHost[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const eq = item.indexOf('=');
      if (eq <= 0) throw new AppError('validation', `${source} takes NAME=URL, e.g. gpu=gpu-box:11434 (got "${item}")`);
      const name = hostNameSchema.safeParse(item.slice(0, eq));
      if (!name.success) throw new AppError('validation', `${source}: host name "${item.slice(0, eq)}": ${name.error.issues[0]?.message ?? 'not valid'}`);
      const url = item.slice(eq + 1).trim();
      const problem = url === '' ? 'give the host, e.g. gpu-box:11434' : hostProblem(url);
      if (problem) throw new AppError('validation', `${source}: the URL of "${name.data}": ${problem}`);
      return { name: name.data, url };
    });
}

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
        'add-ollama': { type: 'string', multiple: true },
        ...TIMEOUT_OPTIONS,
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
    ollamaTimeouts: parseTimeoutFlags(values),
    extraHosts: [
      ...parseHostList(env.MODELWRIGHT_OLLAMA_HOSTS ?? '', 'MODELWRIGHT_OLLAMA_HOSTS'),
      ...(values['add-ollama'] ?? []).flatMap((value) => parseHostList(value, '--add-ollama')),
    ],
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
