import { AppError } from '../../../shared/errors';
import type { CreatePreview, ModelfileDocument } from '../../../shared/modelfile-files';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';
import { normalizeModelfilePath } from './modelfile-path';

/** Why the editor must ask before going on: a save was refused, or the file changed under unsaved edits. */
export type DocumentConflict = 'save-refused' | 'changed-on-disk' | 'deleted-on-disk';

/** An open Modelfile: what is on disk and what the editor holds. Kept when the detail closes, so no edit is lost. */
export interface ModelfileDoc {
  path: string;
  status: 'loading' | 'ready' | 'failed';
  loadError: string | null;
  /** sha256 of the file as last read or written, sent back on save so a change on disk is not overwritten. */
  sha256: string | null;
  exists: boolean;
  /** The text as on disk. */
  savedText: string;
  /** The text in the editor. */
  text: string;
  /** Bumped when `text` is replaced from outside the editor (a reload), so the editor takes it. */
  revision: number;
  saving: boolean;
  conflict: DocumentConflict | null;
}

export interface ModelfileSlice {
  documents: Readonly<Record<string, ModelfileDoc>>;
  /** Reads the file unless it is open already (a draft in progress is kept). */
  openDocument(path: string): Promise<void>;
  editDocument(path: string, text: string): void;
  /** Saves with the sha it loaded; a refusal (changed on disk) becomes a conflict to resolve. */
  saveDocument(path: string): Promise<ActionResult<ModelfileDocument>>;
  /** Reads the file again, dropping unsaved edits. */
  reloadDocument(path: string): Promise<ActionResult<ModelfileDocument>>;
  /** Saves the editor's text over whatever is on disk now. */
  overwriteDocument(path: string): Promise<ActionResult<ModelfileDocument>>;
  /** Keeps editing; the next save asks again. */
  dismissConflict(path: string): void;
  /** Drops unsaved edits without reading again. */
  discardDraft(path: string): void;
  receiveModelfileChange(change: { path: string; sha256: string | null }): void;
  /** The exact create request for a model's Modelfile text; nothing is stored. */
  previewModelfile(name: string, content: string): Promise<ActionResult<CreatePreview>>;
}

export function isDirty(doc: ModelfileDoc | undefined): boolean {
  return doc !== undefined && doc.status === 'ready' && doc.text !== doc.savedText;
}

export const createModelfileSlice: SliceCreator<ModelfileSlice> = ({ client }) => (set, get) => {
  const patch = (path: string, change: Partial<ModelfileDoc>) =>
    set((state) => {
      const doc = state.documents[path];
      return doc ? { documents: { ...state.documents, [path]: { ...doc, ...change } } } : {};
    });

  /** Takes a freshly read or written file as the new base; `keepText` keeps edits made during a save. */
  const settle = (path: string, file: ModelfileDocument, keepText: string | null) =>
    set((state) => {
      const doc = state.documents[path];
      const base: ModelfileDoc = doc ?? {
        path,
        status: 'ready',
        loadError: null,
        sha256: null,
        exists: false,
        savedText: '',
        text: '',
        revision: 0,
        saving: false,
        conflict: null,
      };
      const replaced = keepText === null;
      return {
        documents: {
          ...state.documents,
          [path]: {
            ...base,
            status: 'ready',
            loadError: null,
            sha256: file.sha256,
            exists: file.exists,
            savedText: file.content,
            text: replaced ? file.content : keepText,
            revision: replaced ? base.revision + 1 : base.revision,
            saving: false,
            conflict: null,
          },
        },
      };
    });

  async function write(path: string, content: string, expectedSha256: string | null) {
    patch(path, { saving: true });
    const result = await attempt(() => client.call('modelfile.write', { path, content, expectedSha256 }));
    if (result.ok) {
      get().resolveNotice(`save:${path}`);
      settle(path, result.value, get().documents[path]?.text ?? content);
    } else if (result.error.kind === 'conflict') {
      patch(path, { saving: false, conflict: 'save-refused' });
    } else {
      patch(path, { saving: false });
      get().notifyError(`Could not save ${path}`, result.error, `save:${path}`);
    }
    return result;
  }

  return {
    documents: {},
    async openDocument(rawPath) {
      const path = normalizeModelfilePath(rawPath);
      const doc = get().documents[path];
      if (doc && doc.status !== 'failed') return;
      set((state) => ({
        documents: {
          ...state.documents,
          [path]: {
            path,
            status: 'loading',
            loadError: null,
            sha256: null,
            exists: false,
            savedText: '',
            text: '',
            revision: doc?.revision ?? 0,
            saving: false,
            conflict: null,
          },
        },
      }));
      const result = await attempt(() => client.call('modelfile.read', { path }));
      if (result.ok) settle(path, result.value, null);
      else patch(path, { status: 'failed', loadError: result.error.message });
    },
    editDocument(rawPath, text) {
      const path = normalizeModelfilePath(rawPath);
      const doc = get().documents[path];
      if (doc && doc.text !== text) patch(path, { text });
    },
    async saveDocument(rawPath) {
      const path = normalizeModelfilePath(rawPath);
      const doc = get().documents[path];
      if (!doc || doc.status !== 'ready') return { ok: false, error: notReady(path) };
      return write(path, doc.text, doc.exists ? doc.sha256 : null);
    },
    async reloadDocument(rawPath) {
      const path = normalizeModelfilePath(rawPath);
      const result = await attempt(() => client.call('modelfile.read', { path }));
      if (result.ok) {
        get().resolveNotice(`read:${path}`);
        settle(path, result.value, null);
      } else get().notifyError(`Could not read ${path}`, result.error, `read:${path}`);
      return result;
    },
    async overwriteDocument(rawPath) {
      const path = normalizeModelfilePath(rawPath);
      // The sha of what is on disk now: saving against it is "save anyway", and still refuses a third change.
      const current = await attempt(() => client.call('modelfile.read', { path }));
      if (!current.ok) {
        get().notifyError(`Could not read ${path}`, current.error, `read:${path}`);
        return current;
      }
      const doc = get().documents[path];
      if (!doc) return { ok: false, error: notReady(path) };
      patch(path, { conflict: null });
      return write(path, doc.text, current.value.exists ? current.value.sha256 : null);
    },
    dismissConflict(rawPath) {
      patch(normalizeModelfilePath(rawPath), { conflict: null });
    },
    discardDraft(rawPath) {
      const path = normalizeModelfilePath(rawPath);
      const doc = get().documents[path];
      if (doc && doc.text !== doc.savedText) patch(path, { text: doc.savedText, revision: doc.revision + 1, conflict: null });
    },
    receiveModelfileChange(change) {
      const path = normalizeModelfilePath(change.path);
      const doc = get().documents[path];
      // Our own save echoes back with the sha we already hold; while a save runs, its answer decides.
      if (!doc || doc.status !== 'ready' || doc.saving || change.sha256 === doc.sha256) return;
      if (isDirty(doc)) patch(path, { conflict: change.sha256 === null ? 'deleted-on-disk' : 'changed-on-disk' });
      else void get().reloadDocument(path);
    },
    previewModelfile(name, content) {
      return attempt(() => client.call('modelfile.preview', { name, content }));
    },
  };
};

function notReady(path: string): AppError {
  return new AppError('internal', `${path} is not open in the editor yet.`);
}
