import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { hostNameSchema } from '../../shared/hosts/host-config';
import { hostProblem } from '../../shared/ollama-host';
import { defaultDataDir } from '../headless/args';

/**
 * The options every command shares (`--workspace`, `--host`, `--json`, `--data-dir`, `--help`)
 * and the parsing of a command's own, so that a wrong argument reads the same in every command:
 * what is wrong, then the command's usage (exit status 2).
 */

export interface CommonOptions {
  /** Null: this folder when it is a workspace, else the app's last one. */
  workspace: string | null;
  /** `--host` as given: a host named in Settings or an Ollama address (shared/hosts/host-arg.ts); null: the primary. */
  host: string | null;
  json: boolean;
  /** Where the app's settings are read from (never written by the command line). */
  dataDir: string;
}

/** Bad input on the command line: printed with the command's usage. */
export class UsageError extends AppError {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super('validation', message);
  }
}

type OptionKind = { type: 'string' } | { type: 'boolean' };

export interface CommandSpec {
  usage: string;
  /** The command's own options, beside the shared ones. */
  options?: Record<string, OptionKind>;
  /** Names of the required positional arguments, in order (for the message when one is missing). */
  required?: string[];
  /** How many positionals may follow the required ones. */
  optional?: number;
}

export interface ParsedCommand {
  common: CommonOptions;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export const COMMON_OPTIONS_HELP = `  --workspace DIR   the workspace (default: this folder if it has model_settings.json,
                    else the one the app opened last)
  --host HOST       the Ollama to use: a host named in Settings, or an address read as
                    OLLAMA_HOST is (a name wins: write gpu-box:11434 for the machine);
                    default: the primary (the app's setting, then OLLAMA_HOST, then
                    http://127.0.0.1:11434)
  --json            machine-readable output
  --data-dir DIR    where the app's settings are read from (default: ~/.config/modelwright)
  --help            show this help`;

/** 'help' for --help; else the shared options, the command's own and its positionals. */
export function parseCommandArgs(argv: string[], env: NodeJS.ProcessEnv, spec: CommandSpec): ParsedCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...spec.options,
        workspace: { type: 'string' },
        host: { type: 'string' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, spec.usage);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return 'help';
  const required = spec.required ?? [];
  const positionals = parsed.positionals;
  const missing = required[positionals.length];
  if (missing !== undefined) throw new UsageError(`Missing ${missing}.`, spec.usage);
  const extra = positionals[required.length + (spec.optional ?? 0)];
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`, spec.usage);
  for (const [index, name] of required.entries()) {
    if (positionals[index]?.trim() === '') throw new UsageError(`${name} cannot be empty.`, spec.usage);
  }

  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const host = text('host');
  // Whether it names a host or gives an address is decided against the settings (command-services);
  // what can be neither is refused here, with the usage.
  if (host?.trim() === '') throw new UsageError('--host needs a host name or an Ollama address.', spec.usage);
  const problem = host !== undefined && !hostNameSchema.safeParse(host).success ? hostProblem(host) : null;
  if (problem) throw new UsageError(`--host "${host}" is neither a host name nor an Ollama address: ${problem}.`, spec.usage);
  const workspace = text('workspace');
  const dataDir = text('data-dir');
  if (workspace?.trim() === '') throw new UsageError('--workspace needs a folder.', spec.usage);
  return {
    common: {
      workspace: workspace ? resolve(workspace) : null,
      host: host ?? null,
      json: values.json === true,
      dataDir: dataDir ? resolve(dataDir) : defaultDataDir(env),
    },
    values,
    positionals,
  };
}
