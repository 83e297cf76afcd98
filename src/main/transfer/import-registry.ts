import fs from 'node:fs';
import { AppError } from '../../shared/errors';
import { applyImport, type ImportOutcome, type ImportSelection } from '../../shared/import-apply';
import { planImport, type ImportPlan, type ImportSource, type PlanOptions } from '../../shared/import-plan';
import { parseRegistryText } from '../registry/parse';
import type { RegistryStore } from '../registry/store';
import { resolveModelfilePath } from '../workspace/paths';

/**
 * Importing a registry file in the seed's format: the text is checked like the workspace's own
 * file (JSON with line and column, then the schema with field paths), the plan is computed against
 * the registry as it is, and applying re-reads the file and re-plans inside one store update, so
 * only what the user saw and ticked is written.
 */

/** The file's entries as written, after the whole file passed the registry schema. */
export function readImportFile(content: string, fileName: string): ImportSource {
  const parsed = parseRegistryText(content, fileName);
  if (!parsed.ok) {
    const where = parsed.line !== null ? [{ path: `${fileName}:${parsed.line}:${parsed.column ?? 1}`, message: parsed.message }] : [];
    throw new AppError('validation', `${parsed.message} Nothing was imported.`, [...where, ...parsed.issues]);
  }
  const raw = parsed.raw;
  return {
    default_model: typeof raw.default_model === 'string' ? raw.default_model : null,
    models: objectEntries(raw.models),
    base_models: objectEntries(raw.base_models),
  };
}

function objectEntries(value: unknown): Record<string, Record<string, unknown>> {
  // The schema accepted the file, so these are objects of objects (or absent).
  return value !== null && typeof value === 'object' ? (value as Record<string, Record<string, unknown>>) : {};
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
