import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { EventBus } from '../events';
import { findModelKey } from '../registry/operations';
import type { WorkspaceSession } from '../services/workspace-session';
import { previewCreate } from './create-preview';
import { readModelfileDocument, writeModelfileDocument } from './modelfile-documents';
import { ModelfileWatcher } from './modelfile-watcher';
import { ownValue } from '../../shared/own-key';
import { modelfileTarget, type ModelfileAccess } from '../workspace/modelfile-access';

/**
 * The contract calls for the Modelfile editor: read and save files of the workspace (a save never
 * overwrites a file changed on disk since it was read), and preview the create request. The
 * watcher reports edits made by other programs; the app's own reads and saves are noted so they
 * are not reported back to it.
 */

export type ModelfileHandlers = Pick<Handlers, 'modelfile.read' | 'modelfile.write' | 'modelfile.preview'>;

export interface ModelfileHandlerDeps {
  session: () => WorkspaceSession;
  watcher: () => ModelfileWatcher | null;
}

function accessOf(session: WorkspaceSession): ModelfileAccess {
  return { workspaceDir: session.dir, models: session.store.get().registry.models, appDataDir: session.appDataDir ?? null };
}

export function modelfileHandlers(deps: ModelfileHandlerDeps): ModelfileHandlers {
  return {
    'modelfile.read': async ({ path }) => {
      const session = deps.session();
      const doc = readModelfileDocument(session.dir, path, modelfileTarget(accessOf(session), path, 'read'));
      deps.watcher()?.note(path, doc.exists ? doc.sha256 : null);
      return doc;
    },
    'modelfile.write': async ({ path, content, expectedSha256 }) => {
      const session = deps.session();
      const watcher = deps.watcher();
      const doc = writeModelfileDocument(session.dir, path, content, expectedSha256, modelfileTarget(accessOf(session), path, 'write'));
      watcher?.note(path, doc.sha256);
      session.sync.refreshOutdated();
      return doc;
    },
    'modelfile.preview': async ({ name, content }) => {
      const session = deps.session();
      const { registry } = session.store.get();
      const key = findModelKey(registry, name);
      const entry = key === undefined ? undefined : ownValue(registry.models, key);
      if (key === undefined || !entry) throw new AppError('not_found', `There is no model named "${name}" in the registry.`);
      const sync = session.sync.get();
      return previewCreate({
        workspaceDir: session.dir,
        name: key,
        modelfile: entry.modelfile,
        quantize: entry.quantize,
        ...(content === undefined ? {} : { content }),
        context: {
          baseModels: Object.keys(registry.base_models),
          // Offline, Ollama's models are unknown: no "not in Ollama" warnings then.
          ...(sync.connection.status === 'online' ? { ollamaModels: sync.ollamaModels.map((m) => m.name) } : {}),
        },
      });
    },
  };
}

/** Watches a session's models/ folder: `modelfile.changed` for outside edits, and a fresh out-of-date list. */
export function watchModelfiles(session: WorkspaceSession, bus: EventBus, log: (message: string) => void = console.warn): ModelfileWatcher {
  return new ModelfileWatcher({
    workspaceDir: session.dir,
    onChange: (change) => {
      bus.emit('modelfile.changed', change);
      session.sync.refreshOutdated();
    },
    onError: (error) => log(`[modelfiles] cannot watch ${session.dir}/models for changes: ${String(error)}`),
  });
}
