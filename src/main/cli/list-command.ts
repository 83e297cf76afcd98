import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs } from './command-args';
import { readableRegistry, withServices } from './command-services';
import { textColumns } from './text-columns';

/** `modelwright list`: the registry's models as the file has them; reads, never writes. */

const USAGE = `Usage: modelwright list [options]

Lists the registry's models: name, display name, version, base model and status (as the
registry file records it; "modelwright status" asks Ollama).

${COMMON_OPTIONS_HELP}`;

export const listCommand: CliCommand = {
  name: 'list',
  synopsis: '',
  summary: "the registry's models: name, display name, version, base, status",
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, { usage: USAGE });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    return withServices(parsed.common, io, cwd, async (services) => {
      const snapshot = readableRegistry(services);
      const entries = Object.values(snapshot.registry.models);
      if (parsed.common.json) {
        io.out(`${JSON.stringify(entries, null, 2)}\n`);
        return EXIT.ok;
      }
      if (entries.length === 0) {
        io.out(`No models in ${snapshot.workspace.registryPath} yet.\n`);
        return EXIT.ok;
      }
      const rows = entries.map((e) => [e.name, e.display_name, e.version, e.base_model, e.status]);
      io.out(`${textColumns([['NAME', 'DISPLAY NAME', 'VERSION', 'BASE', 'STATUS'], ...rows])}\n`);
      return EXIT.ok;
    });
  },
};
