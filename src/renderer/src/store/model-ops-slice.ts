import type { RegistrySnapshot } from '../../../shared/contract';
import type {
  AddedModel,
  AdoptInput,
  AdoptionProposal,
  DeleteInput,
  DeleteResult,
  NewModelInput,
  NewVersionInput,
  RenameResult,
  VersionProposal,
} from '../../../shared/model-ops';
import type { ModelEntry, ModelPatch } from '../../../shared/registry';
import type { ReleaseResult, UnreleaseResult } from '../../../shared/release/release-calls';
import { recordRelease, removeAlias } from '../../../shared/release/aliases';
import { displayNameOf } from '../models/model-labels';
import { attempt, type ActionResult } from './action-result';
import type { SliceCreator } from './app-state';
import { deleteOwn, ownValue, setOwn } from '../../../shared/own-key';

/** Which lifecycle dialog is open, over whichever page asked for it. */
export type ModelOpsDialog =
  | { kind: 'new-model' }
  | { kind: 'new-version'; from: string }
  | { kind: 'rename'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'adopt'; name: string }
  | { kind: 'release'; name: string };

export interface ModelOpsSlice {
  modelOpsDialog: ModelOpsDialog | null;
  /** Bumped by "Adopt from Ollama": the discovered list scrolls into view and takes focus. */
  discoveredFocusRequest: number;
  openModelOpsDialog(dialog: ModelOpsDialog): void;
  closeModelOpsDialog(): void;
  requestDiscoveredFocus(): void;
  /** Errors are returned, not notified: the dialogs and fields show them where they belong. */
  proposeVersion(name: string): Promise<ActionResult<VersionProposal>>;
  /** On success the dialog closes and the new Modelfile opens in the editor. */
  createVersion(input: NewVersionInput): Promise<ActionResult<AddedModel>>;
  /** "New model": on success the dialog closes and the starter Modelfile opens in the editor. */
  addNewModel(input: NewModelInput): Promise<ActionResult<AddedModel>>;
  renameModel(name: string, newName: string): Promise<ActionResult<RenameResult>>;
  deleteModel(input: DeleteInput): Promise<ActionResult<DeleteResult>>;
  /** "Release as…": on success the dialog closes and the alias moves at once (registry.changed confirms it). */
  releaseVersion(name: string, alias: string): Promise<ActionResult<ReleaseResult>>;
  /** Removes a released name (Ollama's copy and the record); a failure is notified. */
  unreleaseAlias(alias: string): Promise<ActionResult<UnreleaseResult>>;
  proposeAdoption(name: string): Promise<ActionResult<AdoptionProposal>>;
  adoptModel(input: AdoptInput): Promise<ActionResult<AddedModel>>;
  /** An in-place edit of the Overview; errors come back for the field, not as a notification. */
  editModel(name: string, patch: ModelPatch): Promise<ActionResult<ModelEntry>>;
  /** The default model (or none) from the Overview; errors come back for the field. */
  chooseDefault(name: string | null): Promise<ActionResult<RegistrySnapshot>>;
}

/** The snapshot with `change` applied to its models, so the UI follows at once (registry.changed confirms it). */
function withModels(
  snapshot: RegistrySnapshot | null,
  change: (models: Record<string, ModelEntry>) => void,
  defaultModel?: string | null,
): Partial<{ snapshot: RegistrySnapshot }> {
  if (!snapshot) return {};
  const models = { ...snapshot.registry.models };
  change(models);
  const registry = { ...snapshot.registry, models, ...(defaultModel === undefined ? {} : { default_model: defaultModel }) };
  return { snapshot: { ...snapshot, registry } };
}

export const createModelOpsSlice: SliceCreator<ModelOpsSlice> = ({ client }) => (set, get) => {
  const notifyNotes = (title: string, notes: readonly string[]) => {
    if (notes.length > 0) get().notify({ tone: 'info', title, message: notes.join(' ') });
  };

  /** A new entry with its Modelfile (new model, new version): shown at once, opened on the Modelfile tab. */
  const added = (result: ActionResult<AddedModel>): ActionResult<AddedModel> => {
    if (!result.ok) return result;
    const { entry, modelfile, notes } = result.value;
    set({ modelOpsDialog: null, ...withModels(get().snapshot, (models) => setOwn(models, entry.name, entry)) });
    get().openModel(entry.name, 'modelfile');
    get().notify({ tone: 'success', title: `${displayNameOf(entry)} added`, message: `Its Modelfile is ${modelfile}. Edit it, then Create.` });
    notifyNotes(`About ${displayNameOf(entry)}`, notes);
    return result;
  };

  return {
    modelOpsDialog: null,
    discoveredFocusRequest: 0,
    openModelOpsDialog(dialog) {
      set({ modelOpsDialog: dialog });
    },
    closeModelOpsDialog() {
      set({ modelOpsDialog: null });
    },
    requestDiscoveredFocus() {
      set((state) => ({ discoveredFocusRequest: state.discoveredFocusRequest + 1 }));
    },
    proposeVersion(name) {
      return attempt(() => client.call('models.versionProposal', { name }));
    },
    async createVersion(input) {
      return added(await attempt(() => client.call('models.newVersion', input)));
    },
    async addNewModel(input) {
      return added(await attempt(() => client.call('models.new', input)));
    },
    async renameModel(name, newName) {
      const result = await attempt(() => client.call('models.rename', { name, newName }));
      if (!result.ok) return result;
      const { entry, from, defaultModel, notes, ollama } = result.value;
      const update = withModels(
        get().snapshot,
        (models) => {
          deleteOwn(models, from);
          setOwn(models, entry.name, entry);
        },
        defaultModel,
      );
      const detail = get().detail;
      set({ modelOpsDialog: null, ...update, ...(detail?.name === from ? { detail: { ...detail, name: entry.name } } : {}) });
      const where = ollama === 'renamed' ? ' in the registry and in Ollama' : '';
      get().notify({ tone: 'success', title: `Renamed to ${entry.name}${where}` });
      notifyNotes(`About renaming ${from}`, notes);
      return result;
    },
    async deleteModel(input) {
      const result = await attempt(() => client.call('models.delete', input));
      if (!result.ok) return result;
      const { name, defaultModel, notes, ollama, modelfile } = result.value;
      const entry = ownValue(get().snapshot?.registry.models, name);
      set({ modelOpsDialog: null, ...withModels(get().snapshot, (models) => deleteOwn(models, name), defaultModel) });
      if (get().detail?.name === name) get().closeModel();
      const also = [ollama === 'deleted' ? 'deleted from Ollama' : null, modelfile === 'deleted' ? 'its Modelfile deleted' : null].filter(Boolean);
      get().notify({
        tone: 'success',
        title: `${entry ? displayNameOf(entry) : name} removed from the registry`,
        ...(also.length > 0 ? { message: `Also ${also.join(' and ')}.` } : {}),
      });
      notifyNotes(`About deleting ${name}`, notes);
      return result;
    },
    async releaseVersion(name, alias) {
      const result = await attempt(() => client.call('models.release', { name, alias }));
      if (!result.ok) return result;
      const { model, alias: released, previous, notes } = result.value;
      const snapshot = get().snapshot;
      let next = snapshot;
      if (snapshot) {
        const registry = structuredClone(snapshot.registry);
        try {
          recordRelease(registry, model, released, new Date());
          next = { ...snapshot, registry };
        } catch {
          // The snapshot is behind the file; registry.changed brings the truth.
        }
      }
      set({ modelOpsDialog: null, snapshot: next });
      const entry = ownValue(get().snapshot?.registry.models, model);
      get().notify({
        tone: 'success',
        title: `${released} is now ${entry ? displayNameOf(entry) : model}`,
        ...(previous ? { message: `It was ${previous} before.` } : {}),
      });
      notifyNotes(`About releasing ${model}`, notes);
      return result;
    },
    async unreleaseAlias(alias) {
      const result = await attempt(() => client.call('models.unrelease', { alias }));
      if (!result.ok) {
        get().notify({ tone: 'error', title: `${alias} was not removed`, message: result.error.message });
        return result;
      }
      const snapshot = get().snapshot;
      if (snapshot) {
        const registry = structuredClone(snapshot.registry);
        removeAlias(registry, result.value.alias);
        set({ snapshot: { ...snapshot, registry } });
      }
      get().notify({ tone: 'success', title: `${result.value.alias} removed`, message: 'Its version stays; programs that used the name no longer reach a model.' });
      return result;
    },
    proposeAdoption(name) {
      return attempt(() => client.call('models.adoptProposal', { name }));
    },
    async adoptModel(input) {
      const result = await attempt(() => client.call('models.adopt', input));
      if (!result.ok) return result;
      const { entry, modelfile, notes } = result.value;
      const discovered = get().sync;
      set({
        modelOpsDialog: null,
        ...withModels(get().snapshot, (models) => setOwn(models, entry.name, entry)),
        // It is in the registry now: not "discovered" any more.
        ...(discovered ? { sync: { ...discovered, discovered: discovered.discovered.filter((m) => m.name !== entry.name) } } : {}),
      });
      get().notify({
        tone: 'success',
        title: `${displayNameOf(entry)} adopted`,
        message: `Its Modelfile is ${modelfile}.`,
        action: { label: 'Open', run: () => get().openModel(entry.name) },
      });
      notifyNotes(`About ${displayNameOf(entry)}`, notes);
      return result;
    },
    async editModel(name, patch) {
      const result = await attempt(() => client.call('models.update', { name, patch }));
      if (result.ok) set(withModels(get().snapshot, (models) => setOwn(models, name, result.value)));
      return result;
    },
    async chooseDefault(name) {
      const result = await attempt(() => client.call('models.setDefault', { name }));
      if (result.ok) set({ snapshot: result.value });
      return result;
    },
  };
};
