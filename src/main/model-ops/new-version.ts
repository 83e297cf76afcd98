import { looksLikePath } from '../../shared/modelfile/looks-like-path';
import { rewriteFrom } from '../../shared/modelfile/rewrite-from';
import { commandsOf, parse } from '../../shared/modelfile';
import type { AddedModel, NewVersionInput, VersionProposal } from '../../shared/model-ops';
import { newVersionInputSchema } from '../../shared/model-ops';
import type { ModelEntry, Registry } from '../../shared/registry';
import { parseVersionedName } from '../../shared/versions';
import { carryOver, modelfilePathFor, proposeVersionName, sourceVersionOf } from '../../shared/version-proposal';
import { readModelfileDocument } from '../modelfiles/modelfile-documents';
import {
  ollamaModelsNow,
  requireEntry,
  requireFreeInOllama,
  requireFreeInRegistry,
  requireValidName,
  requireWritable,
} from './checks';
import type { ModelOpsDeps } from './deps';
import { requireQuantizable, requireValidBase } from './base-checks';
import { extraFieldsOf } from '../../shared/entry-fields';
import { freeModelfilePath, registryModelfiles, removeWrittenModelfile, writeNewModelfile } from './new-file';

/**
 * "New version": the next `-vN` of a family, with a copy of the source's Modelfile pointed at the
 * chosen base model, added as a pending entry. The file is written first (never over another);
 * if the registry then refuses the entry, the file is taken back, so nothing is left half done.
 */

/**
 * What the source's FROM says, as rewriteFrom picks it: the last FROM naming a model, else the last
 * one (a weights file). Proposing that value means "keep it": the copy's FROM changes only when
 * the user picks another base.
 */
function fromValueOf(text: string): string | null {
  const froms = commandsOf(parse(text).modelfile).filter((c) => c.command === 'from');
  const node = froms.filter((c) => !looksLikePath(c.value.trim())).at(-1) ?? froms.at(-1);
  return node && node.value.trim() !== '' ? node.value : null;
}

function readSource(workspaceDir: string, entry: ModelEntry): { text: string; exists: boolean } {
  if (entry.modelfile === '') return { text: '', exists: false };
  const doc = readModelfileDocument(workspaceDir, entry.modelfile);
  return { text: doc.content, exists: doc.exists };
}

function takenNames(registry: Registry, ollama: readonly { name: string }[]): string[] {
  return [...Object.keys(registry.models), ...Object.keys(registry.base_models), ...ollama.map((m) => m.name)];
}

export async function proposeVersion(deps: ModelOpsDeps, name: string): Promise<VersionProposal> {
  const session = deps.session();
  const { registry } = session.store.get();
  const { key, entry } = requireEntry(registry, name);
  const ollama = await ollamaModelsNow(deps, true).catch(() => session.sync.get().ollamaModels);
  const next = proposeVersionName({ name: key, version: entry.version }, takenNames(registry, ollama));
  const source = readSource(session.dir, entry);
  const base = (source.exists ? fromValueOf(source.text) : null) ?? entry.base_model;
  const fromVersion = sourceVersionOf(key, entry.version);
  const texts = carryOver({ ...entry, fromVersion, toVersion: next.number, fromBase: base, toBase: base });
  const preferred = modelfilePathFor(next.name, entry.modelfile || null);
  return {
    from: key,
    name: next.name,
    version: next.version,
    fromVersion,
    display_name: texts.display_name,
    description: texts.description,
    base_model: base,
    ...(entry.quantize ? { quantize: entry.quantize } : {}),
    sourceModelfile: entry.modelfile,
    sourceModelfileExists: source.exists,
    modelfile: freeModelfilePath(session.dir, preferred, registryModelfiles(registry.models)),
  };
}

export async function createNewVersion(deps: ModelOpsDeps, raw: NewVersionInput): Promise<AddedModel> {
  const input = newVersionInputSchema.parse(raw);
  const session = deps.session();
  const snapshot = session.store.get();
  requireWritable(snapshot);
  const { registry } = snapshot;
  const { key, entry } = requireEntry(registry, input.from);
  requireValidName(input.name, 'name');
  requireFreeInRegistry(registry, input.name, 'name');
  const base = requireValidBase(input.base_model);
  // Creating it later would replace a model Ollama has under that name; offline, the last list is checked.
  const ollama = await ollamaModelsNow(deps, true);
  requireFreeInOllama(ollama, input.name, 'name');
  if (input.quantize) requireQuantizable(base, ollama);

  const notes: string[] = [];
  const source = readSource(session.dir, entry);
  if (!source.exists) {
    notes.push(
      entry.modelfile === ''
        ? `${key} has no Modelfile, so the new one starts with only FROM ${base}.`
        : `${entry.modelfile} does not exist, so the new Modelfile starts with only FROM ${base}.`,
    );
  }
  const rewritten = rewriteFrom(source.text, base);
  let text = source.text;
  if (rewritten.ok) text = rewritten.text;
  else notes.push(`FROM was left as it is because ${entry.modelfile} has an error (${rewritten.reason}); set it to ${base} in the editor.`);

  const version = parseVersionedName(input.name).version;
  const modelfile = writeNewModelfile(session.dir, modelfilePathFor(input.name, entry.modelfile || null), text, registryModelfiles(registry.models));
  try {
    const added = await session.store.addModel({
      ...extraFieldsOf(entry),
      name: input.name,
      display_name: input.display_name,
      description: input.description,
      version: version === null ? '' : `v${version}`,
      // A weights-file FROM is not a base model: the source's base stays the best description.
      base_model: looksLikePath(base) ? entry.base_model : base,
      modelfile,
      show_in_ui: entry.show_in_ui,
      ...(input.quantize ? { quantize: input.quantize } : {}),
      // Not built yet: preloading it at start would only fail.
      auto_preload: false,
    });
    return { entry: added, modelfile, notes };
  } catch (error) {
    removeWrittenModelfile(session.dir, modelfile);
    throw error;
  }
}
