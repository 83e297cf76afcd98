import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs } from './command-args';
import { withServices } from './command-services';

/** `modelwright release VERSION ALIAS`: the app's release, as the "Release as…" dialog makes it. */

const USAGE = `Usage: modelwright release VERSION ALIAS [options]

Releases VERSION (a built registry model, e.g. support-bot-v2) as ALIAS (e.g.
support-bot:latest): Ollama copies it to that name on the primary host and the registry
records it. Releasing another version under the same ALIAS moves it.

${COMMON_OPTIONS_HELP}

Exit status: 0 released, 1 refused or failed (e.g. the version is not built, Ollama is
unreachable), 2 bad input (not a valid Ollama name).`;

export const releaseCommand: CliCommand = {
  name: 'release',
  synopsis: 'VERSION ALIAS',
  summary: 'give a built version a stable name (Ollama copy, recorded in the registry)',
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, { usage: USAGE, required: ['VERSION (the version to release)', 'ALIAS (the name to release it as)'] });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    const [name = '', alias = ''] = parsed.positionals;
    return withServices(parsed.common, io, cwd, async (services) => {
      const result = await services.handlers['models.release']({ name, alias });
      if (parsed.common.json) io.out(`${JSON.stringify(result)}\n`);
      else {
        const moved = result.previous ? ` (it was ${result.previous})` : '';
        io.out(`${result.alias} is now ${result.model}${moved}\n${result.notes.map((n) => `${n}\n`).join('')}`);
      }
      return EXIT.ok;
    });
  },
};
