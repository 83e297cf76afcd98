import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs } from './command-args';
import { withServices } from './command-services';
import { followJob, reportJobEnd } from './follow-job';

/**
 * `modelwright pull MODEL`: the app's pull job, followed to its end. When the registry names the
 * model (as a base model or a model), its status is recorded afterwards; no other entry changes.
 */

const USAGE = `Usage: modelwright pull MODEL [options]

Pulls MODEL (e.g. llama3.2 or qwen3:8b) from the Ollama library into Ollama, showing its
progress. Ctrl-C cancels; pulling again resumes where it stopped.

${COMMON_OPTIONS_HELP}

Exit status: 0 pulled, 1 the pull failed (e.g. no such model in the library) or was
cancelled, 2 bad input (not a valid model name).`;

export const pullCommand: CliCommand = {
  name: 'pull',
  synopsis: 'MODEL',
  summary: 'pull a model from the Ollama library, with progress',
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, { usage: USAGE, required: ['MODEL (the model to pull)'] });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    const model = (parsed.positionals[0] ?? '').trim();
    const { json } = parsed.common;
    return withServices({ ...parsed.common, primaryOnly: true }, io, cwd, async (services) => {
      const started = await services.handlers['models.pull']({ model });
      const job = await followJob(services, started, io, json);
      let recorded: string[] = [];
      if (job.state === 'succeeded') {
        try {
          recorded = await services.session().sync.recordOnly([model]);
        } catch (error) {
          io.err(`Pulled, but the registry could not record it: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
      return reportJobEnd(io, 'pull', job, { json, done: `Pulled ${model}`, extra: { recorded } });
    });
  },
};
