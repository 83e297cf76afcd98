import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { fileErrorReason } from '../../shared/file-error-reason';
import type { ImportSelection } from '../../shared/import-apply';
import { findEntryKey, type ImportItem, type ImportPlan } from '../../shared/import-plan';
import { MAX_IMPORT_CHARS } from '../../shared/lifecycle';
import { sameModel } from '../../shared/model-name';
import type { Registry } from '../../shared/registry';
import { humanBytes } from '../../shared/human-bytes';
import type { CliCommand } from './cli-command';
import { EXIT, type CliIo } from './cli-io';
import { COMMON_OPTIONS_HELP, parseCommandArgs } from './command-args';
import { readableRegistry, withServices } from './command-services';
import { importOutcomeText, importPlanText } from './import-plan-text';

/**
 * `modelwright import FILE`: the app's import, preview first. It applies only with --yes or a
 * "y" typed on a terminal; without a terminal to ask on it prints the plan and exits 2.
 */

const USAGE = `Usage: modelwright import FILE [--yes] [--overwrite] [--make-default] [options]

Shows what importing a registry file (a model_settings.json, e.g. from "modelwright export")
would add, change or keep, then applies it after asking (on a terminal) or with --yes.
New entries are imported; entries that exist here and differ are changed only with
--overwrite; the file's default model becomes the default only with --make-default.

  --yes             apply without asking (needed when there is no terminal, as in CI)
  --overwrite       also apply the changes to entries that exist here
  --make-default    make the file's default model the default here
${COMMON_OPTIONS_HELP}

Exit status: 0 imported (or nothing to import), 1 some entries could not be imported or the
answer was no, 2 bad input (including no terminal and no --yes).`;

function readImportFile(file: string): string {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new AppError('validation', `Cannot read ${file}: ${fileErrorReason(error)}.`);
  }
  if (size > MAX_IMPORT_CHARS) throw new AppError('validation', `${file} is ${humanBytes(size)}: too large for a registry file.`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('validation', `Cannot read ${file}: ${fileErrorReason(error)}.`);
  }
}

/** New entries always; changes and the default only when asked (as the app's dialog ticks them). */
export function importSelection(plan: ImportPlan, registry: Registry, options: { overwrite: boolean; makeDefault: boolean }): ImportSelection {
  const picked = (items: ImportItem[]) =>
    items
      .filter((item) => item.action === 'add' || (item.action === 'change' && options.overwrite))
      .map((item) => ({ name: item.name, action: item.action as 'add' | 'change' }));
  const models = picked(plan.models);
  const name = plan.defaultModel.imported;
  const reachable = name !== null && (findEntryKey(registry.models, name) !== undefined || models.some((m) => m.action === 'add' && sameModel(m.name, name)));
  return { models, baseModels: picked(plan.baseModels), defaultModel: options.makeDefault && plan.defaultModel.action === 'change' && reachable };
}

async function confirmed(io: CliIo, count: number): Promise<boolean | null> {
  if (!io.stdinIsTty || !io.prompt) return null;
  const answer = await io.prompt(`Import ${count} ${count === 1 ? 'entry' : 'entries'}? [y/N] `);
  return /^\s*y(es)?\s*$/i.test(answer);
}

export const importCommand: CliCommand = {
  name: 'import',
  synopsis: 'FILE [--yes]',
  summary: 'import a registry file: shows the plan, applies it with --yes or after asking',
  usage: USAGE,
  async run(argv, io, cwd) {
    const parsed = parseCommandArgs(argv, io.env, {
      usage: USAGE,
      required: ['FILE (the registry file to import)'],
      options: { yes: { type: 'boolean' }, overwrite: { type: 'boolean' }, 'make-default': { type: 'boolean' } },
    });
    if (parsed === 'help') {
      io.out(`${USAGE}\n`);
      return EXIT.ok;
    }
    const file = path.resolve(cwd, parsed.positionals[0] ?? '');
    const content = readImportFile(file);
    const { json } = parsed.common;
    return withServices(parsed.common, io, cwd, async (services) => {
      const snapshot = readableRegistry(services);
      const fileName = path.basename(file);
      const plan = await services.handlers['registry.importPreview']({ content, fileName });
      const selection = importSelection(plan, snapshot.registry, { overwrite: parsed.values.overwrite === true, makeDefault: parsed.values['make-default'] === true });
      const work = selection.models.length + selection.baseModels.length + (selection.defaultModel ? 1 : 0);
      const invalid = plan.counts.invalid;
      const target = snapshot.workspace.registryPath;
      if (!json) io.out(importPlanText(plan, selection, target));

      if (work === 0) {
        if (json) io.out(`${JSON.stringify({ plan, selection, applied: false, outcome: null }, null, 2)}\n`);
        else io.out('Nothing to import.\n');
        return invalid > 0 ? EXIT.failed : EXIT.ok;
      }
      if (parsed.values.yes !== true) {
        const answer = json ? null : await confirmed(io, work);
        if (answer !== true) {
          if (json) io.out(`${JSON.stringify({ plan, selection, applied: false, outcome: null }, null, 2)}\n`);
          if (answer === false) {
            io.err('Nothing imported.\n');
            return EXIT.failed;
          }
          const why = json ? 'With --json nothing is asked' : 'There is no terminal to ask on';
          io.err(`modelwright import: nothing imported. ${why}: pass --yes to apply this plan.\n`);
          return EXIT.usage;
        }
      }
      const { snapshot: _after, ...outcome } = await services.handlers['registry.importApply']({ content, fileName, selection });
      io.out(json ? `${JSON.stringify({ plan, selection, applied: true, outcome }, null, 2)}\n` : importOutcomeText(outcome));
      return invalid > 0 || outcome.skipped.length > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
