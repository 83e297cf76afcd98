import { AppError } from '../../../shared/errors';
import type { ImportOutcome, ImportSelection } from '../../../shared/import-apply';
import type { ImportPlan } from '../../../shared/import-plan';
import { MAX_IMPORT_CHARS, type EXPORT_FORMATS, type RegistryExport } from '../../../shared/lifecycle';
import { saveFile } from '../api/save-file';
import { formatBytes } from '../models/format-bytes';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The import dialog's state: reading the file, what is wrong with it, its plan, or what it did. */
export type ImportState =
  | { status: 'closed' }
  | { status: 'reading'; fileName: string }
  | { status: 'invalid'; fileName: string; error: AppError }
  | { status: 'preview'; fileName: string; content: string; plan: ImportPlan; applying: boolean; error: AppError | null }
  | { status: 'done'; fileName: string; outcome: ImportOutcome };

/** What the import reads from a picked file (a `File`; tests pass a stand-in). */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface TransferSlice {
  importState: ImportState;
  exporting: ExportFormat | null;
  /** Builds the file in main and saves it as a download. Errors are also notified. */
  exportRegistry(format: ExportFormat): Promise<ActionResult<RegistryExport>>;
  /** Reads the file and asks main what importing it would do; opens the import dialog. */
  previewImport(file: ImportFile): Promise<void>;
  /** Imports the ticked entries of the previewed file. */
  applyImport(selection: ImportSelection): Promise<void>;
  closeImport(): void;
}

export const createTransferSlice: SliceCreator<TransferSlice> = ({ client, window: win }) => (set, get) => ({
  importState: { status: 'closed' },
  exporting: null,
  async exportRegistry(format) {
    set({ exporting: format });
    const result = await attempt(async () => {
      const file = await client.call('registry.export', { format });
      saveFile(win, file);
      return file;
    });
    set({ exporting: null });
    if (!result.ok) {
      get().notifyError(format === 'zip' ? 'Could not export the registry and Modelfiles' : 'Could not export the registry', result.error);
      return result;
    }
    const { modelfiles } = result.value;
    const count = modelfiles.included.length;
    get().notify({
      tone: modelfiles.skipped.length > 0 ? 'info' : 'success',
      title: `Exported ${result.value.fileName} (${formatBytes(result.value.bytes)})`,
      ...(format === 'zip' ? { message: `${count} ${count === 1 ? 'Modelfile' : 'Modelfiles'} included.` } : {}),
      ...(modelfiles.skipped.length > 0 ? { details: modelfiles.skipped.map((s) => `Left out ${s.path}: ${s.reason}`) } : {}),
    });
    return result;
  },
  async previewImport(file) {
    const fileName = file.name || 'model_settings.json';
    if (file.size > MAX_IMPORT_CHARS) {
      const error = new AppError('validation', `${fileName} is ${formatBytes(file.size)}: too large for a registry file.`);
      set({ importState: { status: 'invalid', fileName, error } });
      return;
    }
    set({ importState: { status: 'reading', fileName } });
    const result = await attempt(async () => {
      const content = await file.text();
      const plan = await client.call('registry.importPreview', { content, fileName });
      return { content, plan };
    });
    // Closed meanwhile: the user moved on.
    if (get().importState.status !== 'reading') return;
    set({
      importState: result.ok
        ? { status: 'preview', fileName, content: result.value.content, plan: result.value.plan, applying: false, error: null }
        : { status: 'invalid', fileName, error: result.error },
    });
  },
  async applyImport(selection) {
    const state = get().importState;
    if (state.status !== 'preview' || state.applying) return;
    set({ importState: { ...state, applying: true, error: null } });
    const result = await attempt(() => client.call('registry.importApply', { content: state.content, fileName: state.fileName, selection }));
    if (!result.ok) {
      set({ importState: { ...state, applying: false, error: result.error } });
      return;
    }
    const { snapshot, ...outcome } = result.value;
    set({ snapshot, importState: { status: 'done', fileName: state.fileName, outcome } });
    const n = outcome.added.length + outcome.changed.length;
    get().notify({ tone: 'success', title: `Imported ${n} ${n === 1 ? 'entry' : 'entries'} from ${state.fileName}` });
  },
  closeImport() {
    set({ importState: { status: 'closed' } });
  },
});
