import { AppError } from '../../shared/errors';
import { findModelKey } from '../registry/operations';
import { ownValue } from '../../shared/own-key';
import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs } from './command-args';
import { readableRegistry, withServices } from './command-services';
import { followJob, reportJobEnd } from './follow-job';

/**
 * `modelwright create NAME`: the app's create job for a registry model, followed to its end. The
 * job records the result in the registry (available with the build's provenance, or failed with
 * Ollama's reason), through the same locked store as the app; nothing else in the file changes.
 */

const USAGE = `Usage: modelwright create NAME [--pull-base] [options]

Builds the registry model NAME from its Modelfile, as the app's Create does, showing Ollama's
progress, and records the result in the registry. Ctrl-C cancels (the model keeps its status).

  --pull-base       pull the base model first, as its own step, when Ollama lacks it
${COMMON_OPTIONS_HELP}

Exit status: 0 created, 1 the build failed or was cancelled, 2 bad input (no such model).`;

export const createCommand: CliCommand = {
  name: 'create',
  synopsis: 'NAME [--pull-base]',
  summary: 'build a registry model from its Modelfile, with progress',
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, { usage: USAGE, required: ['NAME (the registry model to create)'], options: { 'pull-base': { type: 'boolean' } } });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    const name = (parsed.positionals[0] ?? '').trim();
    const { json } = parsed.common;
    return withServices({ ...parsed.common, primaryOnly: true }, io, cwd, async (services) => {
      const { registry } = readableRegistry(services);
      const key = findModelKey(registry, name);
      if (key === undefined) throw new AppError('validation', `There is no model named "${name}" in the registry. "modelwright list" shows its models.`);
      // Passive services reset no leftover `creating`: another program may be building it.
      if (ownValue(registry.models, key)?.status === 'creating') {
        io.err(`Note: the registry says ${key} is being created already (by another program, or one that stopped mid-build); creating it again.\n`);
      }
      const started = await services.handlers['models.create']({ name: key, pullBase: parsed.values['pull-base'] === true });
      const job = await followJob(services, started, io, json);
      const entry = ownValue(services.session().store.get().registry.models, key) ?? null;
      return reportJobEnd(io, 'create', job, { json, done: `Created ${key}`, extra: { model: entry } });
    });
  },
};
