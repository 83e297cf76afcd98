import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { defaultDataDir } from '../headless/args';

/** `modelwright eval`'s command line. */

export interface EvalCommandOptions {
  family: string;
  /** `v1,v2`, `1,2` or full names; null: the two newest versions of the family. */
  versions: string[] | null;
  /** Any models (versions or base models), in this order; wins over `versions`. */
  models: string[] | null;
  /** Null: the current folder when it is a workspace, else the app's last workspace. */
  workspace: string | null;
  ollamaHost: string | null;
  /** A judge model; undefined: the set's own; null (`--no-judge`): none. */
  judge: string | null | undefined;
  json: boolean;
  /** Where the app's settings are read from (never written by the command line). */
  dataDir: string;
}

export const EVAL_USAGE = `Usage: modelwright eval FAMILY [options]

Runs the prompt set of FAMILY (evals/<family>.yaml in the workspace) against versions of the
family, saves the run in evals/runs/, and prints each case's pass or fail per version.

  --versions v1,v2     versions of the family to run, oldest first (default: the two newest)
  --models a,b         any models instead, base models too, in this order
  --workspace DIR      the workspace (default: this folder if it has model_settings.json,
                       else the one the app opened last)
  --host HOST          the Ollama to use, as in the other commands: a host named in Settings,
                       or an address read as OLLAMA_HOST is (a name wins: write gpu-box:11434
                       for the machine); default: the primary (the app's setting, OLLAMA_HOST,
                       then http://127.0.0.1:11434)
  --ollama-host URL    the same, kept for scripts that use it
  --judge MODEL        grade cases that have a rubric with this model (default: the set's judge)
  --no-judge           grade nothing, even when the set names a judge
  --json               print the result as JSON instead of a table
  --data-dir DIR       where the app's settings are read from (default: ~/.config/modelwright)
  --help               show this help

Exit status: 0 no regression, 1 the newest version fails a case the previous one passed,
2 a usage error or a run that could not be made or finished.`;

function list(value: string | undefined, flag: string): string[] | null {
  if (value === undefined) return null;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new AppError('validation', `${flag} needs at least one name, e.g. ${flag} v1,v2`);
  return items;
}

/** 'help' for --help; else the options, or an AppError saying which argument is wrong. */
export function parseEvalArgs(argv: string[], env: NodeJS.ProcessEnv): EvalCommandOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        versions: { type: 'string' },
        models: { type: 'string' },
        workspace: { type: 'string' },
        'ollama-host': { type: 'string' },
        host: { type: 'string' },
        judge: { type: 'string' },
        'no-judge': { type: 'boolean' },
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new AppError('validation', `${(error as Error).message}\n\n${EVAL_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [family, ...extra] = positionals;
  if (family === undefined || family.trim() === '') throw new AppError('validation', `Name the model family to evaluate.\n\n${EVAL_USAGE}`);
  if (extra.length > 0) throw new AppError('validation', `Unexpected argument "${extra[0]}": evaluate one family at a time.`);
  if (values['ollama-host'] !== undefined && values.host !== undefined) throw new AppError('validation', 'Give --ollama-host or --host, not both.');
  if (values.versions !== undefined && values.models !== undefined) throw new AppError('validation', 'Give --versions or --models, not both.');
  if (values.judge !== undefined && values['no-judge']) throw new AppError('validation', 'Give --judge or --no-judge, not both.');
  return {
    family: family.trim(),
    versions: list(values.versions, '--versions'),
    models: list(values.models, '--models'),
    workspace: values.workspace ? resolve(values.workspace) : null,
    ollamaHost: values['ollama-host'] ?? values.host ?? null,
    judge: values['no-judge'] ? null : values.judge,
    json: values.json ?? false,
    dataDir: values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir(env),
  };
}
