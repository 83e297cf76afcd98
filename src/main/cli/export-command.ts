import fs from 'node:fs';
import path from 'node:path';
import { humanBytes } from '../../shared/human-bytes';
import { EXPORT_FORMATS } from '../../shared/lifecycle';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';
import type { CliCommand } from './cli-command';
import { EXIT } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs, UsageError } from './command-args';
import { readableRegistry, withServices } from './command-services';
import { exportHelmValues } from './helm-export';

/** `modelwright export`: the registry (or a zip of it with its Modelfiles), as the app's Export makes it. */

const USAGE = `Usage: modelwright export [--format json|zip|helm] [--helm] [--out FILE] [options]

Exports the registry as the app's Export does: the JSON file exactly as the workspace has it,
or a zip of it with its Modelfiles at their workspace paths. Without --out the JSON goes to
standard output; a zip needs --out. --helm (or --format helm) writes the registry's versions as
values for the Ollama Helm chart (ollama.models.pull / create, in the plan's order), so a cluster
gets the same versions through Helm.

  --format F        json (default), zip or helm
  --helm            the same as --format helm
  --out FILE        write to FILE (replaced if it exists) and print a summary
${COMMON_OPTIONS_HELP}`;

/** Replaces `file` in one step, so a reader never sees half an export. */
function writeWhole(file: string, data: Buffer): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, data, { mode: 0o644 });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new AppError('validation', `Cannot write ${file}: ${fileErrorReason(error)}.`);
  }
}

export const exportCommand: CliCommand = {
  name: 'export',
  synopsis: '[--format F] [--out FILE]',
  summary: 'the registry as JSON, or a zip with its Modelfiles',
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, { usage: USAGE, options: { format: { type: 'string' }, out: { type: 'string' }, helm: { type: 'boolean' } } });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    const asked = parsed.values.format as string | undefined;
    if (parsed.values.helm === true && asked !== undefined && asked !== 'helm') throw new UsageError(`--helm and --format ${asked} ask for two formats; give one.`, USAGE);
    const format = parsed.values.helm === true ? 'helm' : (asked ?? 'json');
    if (format !== 'helm' && !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${EXPORT_FORMATS.join(', ')} or helm (got "${format}").`, USAGE);
    const outArg = parsed.values.out as string | undefined;
    if (outArg !== undefined && outArg.trim() === '') throw new UsageError('--out needs a file name.', USAGE);
    if (format === 'zip' && outArg === undefined) throw new UsageError('A zip is written to a file: give --out FILE.', USAGE);
    const out = outArg === undefined ? null : path.resolve(cwd, outArg);

    return withServices(parsed.common, io, cwd, async (services) => {
      const snapshot = readableRegistry(services);
      if (out !== null && path.resolve(out) === path.resolve(snapshot.workspace.registryPath)) {
        throw new UsageError(`${out} is the registry itself; export to another file.`, USAGE);
      }
      if (format === 'helm') {
        const helm = await exportHelmValues(services.session(), null);
        for (const warning of helm.warnings) io.err(`${warning}\n`);
        if (out === null) io.out(helm.text);
        else writeWhole(out, Buffer.from(helm.text, 'utf8'));
        if (out !== null) io.out(parsed.common.json ? `${JSON.stringify({ file: out, format, warnings: helm.warnings }, null, 2)}\n` : `Wrote the Helm values to ${out}.\n`);
        return EXIT.ok;
      }
      const file = await services.handlers['registry.export']({ format: format as (typeof EXPORT_FORMATS)[number] });
      if (out === null) {
        io.out(file.data);
        return EXIT.ok;
      }
      writeWhole(out, Buffer.from(file.data, file.encoding === 'base64' ? 'base64' : 'utf8'));
      const summary = { file: out, format, bytes: file.bytes, models: Object.keys(snapshot.registry.models).length, modelfiles: file.modelfiles };
      if (parsed.common.json) {
        io.out(`${JSON.stringify(summary, null, 2)}\n`);
        return EXIT.ok;
      }
      const lines = [`Exported ${summary.models} model(s) to ${out} (${humanBytes(file.bytes)}).`];
      if (format === 'zip') lines.push(`${file.modelfiles.included.length} Modelfile(s) included.`);
      for (const skipped of file.modelfiles.skipped) lines.push(`Left out ${skipped.path}: ${skipped.reason}`);
      io.out(`${lines.join('\n')}\n`);
      return EXIT.ok;
    });
  },
};
