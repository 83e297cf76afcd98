import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../headless/args';

/** `modelwright plan` and `modelwright apply`: their command lines. */

export interface DeployCommandOptions {
  /** `--host` as given (names or addresses, see shared/hosts/host-arg.ts); null: every host. */
  hosts: string[] | null;
  prune: boolean;
  json: boolean;
  /** plan: exit 3 when changes are pending. */
  exitCode: boolean;
  /** apply: do not ask. */
  yes: boolean;
  workspace: string | null;
  ollamaHost: string | null;
  dataDir: string;
}

const COMMON = `  --host HOST          a host named in Settings (the primary is "local" until named), or an
                       Ollama address read as OLLAMA_HOST is: the host with that address, else
                       the primary at that address for this run; a name wins over an address
                       (write gpu-box:11434 for the machine). Repeat for several.
  --all                every host
  --prune              also remove models the registry built on a host and no longer lists
  --json               print JSON instead of text
  --workspace DIR      the workspace (default: this folder if it has model_settings.json,
                       else the one the app opened last)
  --ollama-host URL    the primary's address (default: the app's setting, OLLAMA_HOST, then
                       http://127.0.0.1:11434); --host URL says the same
  --data-dir DIR       where the app's settings are read from (default: ~/.config/modelwright)
  --help               show this help`;

export const PLAN_USAGE = `Usage: modelwright plan [--host HOST]... [--all] [--prune] [--json] [--exit-code]

Compares the registry with each host and lists what "modelwright apply" would do there: pull
missing bases, create missing or outdated versions, preload auto_preload models, and with --prune
remove models the registry built there and no longer lists. Changes nothing. Default: every host.

${COMMON}
  --exit-code          exit 3 when changes are pending (0 when every host matches)

Exit status: 0 nothing to do (or changes, without --exit-code), 1 a host did not answer,
2 bad input, 3 changes pending (with --exit-code).`;

export const APPLY_USAGE = `Usage: modelwright apply (--host HOST... | --all) [--prune] [--yes] [--json]

Makes hosts match the registry: plans afresh and runs the plan as jobs, several hosts at once and
at most two jobs per host. Asks before it starts, unless --yes; without a terminal to ask on, it
prints the plan and exits 2. Ctrl-C cancels: what has not started is not started.

${COMMON}
  --yes                apply without asking

Exit status: 0 done or nothing to do, 1 an action failed or a host did not answer, 2 bad input.`;

export function parseDeployArgs(command: 'plan' | 'apply', argv: string[], env: NodeJS.ProcessEnv): DeployCommandOptions | 'help' {
  const usage = command === 'plan' ? PLAN_USAGE : APPLY_USAGE;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        prune: { type: 'boolean' },
        json: { type: 'boolean' },
        workspace: { type: 'string' },
        'ollama-host': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
        ...(command === 'plan' ? { 'exit-code': { type: 'boolean' as const } } : { yes: { type: 'boolean' as const, short: 'y' } }),
      },
    });
  } catch (error) {
    throw new AppError('validation', `${(error as Error).message}\n\n${usage}`);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return 'help';
  const hosts = (values.host as string[] | undefined)?.map((h) => h.trim()).filter((h) => h !== '') ?? null;
  if (hosts && values.all) throw new AppError('validation', `Give --host or --all, not both.\n\n${usage}`);
  if (command === 'apply' && !hosts && !values.all) throw new AppError('validation', `Say where to apply: --host HOST or --all.\n\n${usage}`);
  return {
    hosts: hosts && hosts.length > 0 ? hosts : null,
    prune: values.prune === true,
    json: values.json === true,
    exitCode: values['exit-code'] === true,
    yes: values.yes === true,
    workspace: typeof values.workspace === 'string' ? resolve(values.workspace) : null,
    ollamaHost: typeof values['ollama-host'] === 'string' ? values['ollama-host'] : null,
    dataDir: typeof values['data-dir'] === 'string' ? resolve(values['data-dir']) : defaultDataDir(env),
  };
}
