import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { applyImport, type ImportOutcome, type ImportSelection } from '../../shared/import-apply';
import { checkImportEntries } from '../../shared/import-entries';
import { planImport, type ImportPlan, type ImportSource, type PlanOptions } from '../../shared/import-plan';
import { parseRegistryText } from '../registry/parse';
import type { RegistryStore } from '../registry/store';
import { resolveModelfilePath } from '../workspace/paths';

/**
 * Importing a registry file (the workspace format): the text is checked like the workspace's own
 * file (JSON with line and column, then the schema with field paths), the plan is computed against
 * the registry as it is, and applying re-reads the file and re-plans inside one store update, so
 * only what the user saw and ticked is written.
 */

/**
 * The file's entries as written. A file that is not JSON, or not a registry at all, is refused
 * (its message says where, once); otherwise each entry is checked on its own, so the bad ones are
 * marked at the entry and the good ones can still be imported.
 */
export function readImportFile(content: string, fileName: string): ImportSource {
  const parsed = parseRegistryText(content, fileName);
  if (parsed.ok) return { ...checkedSource(parsed.raw), problems: { models: {}, base_models: {} } };
  // Not JSON (or empty): the message says where, once.
  if (parsed.issues.length === 0) throw new AppError('validation', parsed.message);
  const checked = checkImportEntries(JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content));
  if (!checked.ok) throw new AppError('validation', `${fileName} is not a registry file.`, checked.issues);
  return { default_model: checked.default_model, models: checked.models, base_models: checked.base_models, problems: checked.problems };
}

function checkedSource(raw: Record<string, unknown>): Omit<ImportSource, 'problems'> {
  const checked = checkImportEntries(raw);
  // The whole file passed the schema, so the entry check passes too.
  return checked.ok ? { default_model: checked.default_model, models: checked.models, base_models: checked.base_models } : { default_model: null, models: {}, base_models: {} };
}

/** Modelfile paths must stay inside this workspace; a file not there yet is worth a warning only. */
export function modelfileChecker(workspaceDir: string): NonNullable<PlanOptions['checkModelfile']> {
  return (modelfile) => {
    let file: string;
    try {
      file = resolveModelfilePath(workspaceDir, modelfile);
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
    return fs.existsSync(file) ? null : { warning: `${modelfile} is not in this workspace yet: add it before creating the model.` };
  };
}

export function previewImport(store: RegistryStore, content: string, fileName: string): ImportPlan {
  const source = readImportFile(content, fileName);
  return planImport(store.get().registry, source, { fileName, checkModelfile: modelfileChecker(store.workspace.path) });
}

export async function applyImportFile(store: RegistryStore, content: string, fileName: string, selection: ImportSelection, now: () => Date = () => new Date()): Promise<ImportOutcome> {
  const source = readImportFile(content, fileName);
  const checkModelfile = modelfileChecker(store.workspace.path);
  return store.update((draft) => applyImport(draft, source, selection, { now: now(), checkModelfile }));
}
