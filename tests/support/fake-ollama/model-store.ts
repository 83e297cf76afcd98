import { createHash } from 'node:crypto';
import { modelKey } from '../../../src/shared/model-name';
import { libraryKey } from './hf-library';
import { displayShortest } from './shortest-name';
import type { FakeModelSeed } from './types';

/**
 * What the fake Ollama "has on disk": models (as manifests of layers), blobs, the library it can
 * pull from, models loaded in memory and half-finished downloads. Names are matched by
 * `modelKey` (case-insensitive, `:latest` implied), as Ollama's getExistingName does.
 */

export const MEDIA_TYPES = {
  model: 'application/vnd.ollama.image.model',
  adapter: 'application/vnd.ollama.image.adapter',
  template: 'application/vnd.ollama.image.template',
  system: 'application/vnd.ollama.image.system',
  license: 'application/vnd.ollama.image.license',
  params: 'application/vnd.ollama.image.params',
  messages: 'application/vnd.ollama.image.messages',
  config: 'application/vnd.docker.container.image.v1+json',
} as const;

export interface FakeLayer {
  mediaType: string;
  digest: string;
  size: number;
}

export interface FakeMessage {
  role: string;
  content: string;
}

export interface FakeModel {
  /** As /api/tags shows it: shortest form, always with the tag. */
  name: string;
  /** Weights and adapters; the text layers are derived from the fields below. */
  weights: FakeLayer[];
  format: string;
  family: string;
  families: string[] | null;
  parameterSize: string;
  quantizationLevel: string;
  parentModel: string;
  template: string;
  system: string;
  license: string[];
  parameters: Record<string, unknown>;
  messages: FakeMessage[];
  capabilities: string[];
  contextLength: number;
  /** Real GGUF metadata for /api/show; empty: a minimal one is made up from the fields above. */
  modelInfo: Record<string, unknown>;
  remoteHost: string;
  remoteModel: string;
  modifiedAt: Date;
  /** The /api/create body this model was made from, exactly as received. */
  createRequest: Record<string, unknown> | null;
}

export interface LoadedModel {
  key: string;
  /** Epoch ms; null means forever. */
  expiresAt: number | null;
  contextLength: number;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function textDigest(text: string): string {
  return `sha256:${sha256Hex(text)}`;
}

/** Go's json.Encoder output: the value then a newline. */
function encodeJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

export function textLayersOf(model: FakeModel): Array<FakeLayer & { content: string }> {
  const layers: Array<FakeLayer & { content: string }> = [];
  const add = (mediaType: string, content: string): void => {
    layers.push({ mediaType, digest: textDigest(content), size: Buffer.byteLength(content), content });
  };
  if (model.template) add(MEDIA_TYPES.template, model.template);
  if (model.system) add(MEDIA_TYPES.system, model.system);
  for (const license of model.license) add(MEDIA_TYPES.license, license);
  if (Object.keys(model.parameters).length > 0) add(MEDIA_TYPES.params, encodeJson(model.parameters));
  if (model.messages.length > 0) add(MEDIA_TYPES.messages, encodeJson(model.messages));
  return layers;
}

export function configOf(model: FakeModel): string {
  return encodeJson({
    model_format: model.format,
    model_family: model.family,
    model_families: model.families,
    model_type: model.parameterSize,
    file_type: model.quantizationLevel,
    capabilities: model.capabilities,
    architecture: 'amd64',
    os: 'linux',
  });
}

export function layersOf(model: FakeModel): FakeLayer[] {
  return [...model.weights, ...textLayersOf(model).map(({ mediaType, digest, size }) => ({ mediaType, digest, size }))];
}

export function configLayerOf(model: FakeModel): FakeLayer {
  const config = configOf(model);
  return { mediaType: MEDIA_TYPES.config, digest: textDigest(config), size: Buffer.byteLength(config) };
}

// Models are replaced, never changed in place, so digest and size can be remembered per object:
// listing a thousand models must stay cheap for the benchmarks that use the fake.
const digests = new WeakMap<FakeModel, string>();
const sizes = new WeakMap<FakeModel, number>();

/** The manifest digest, hex without prefix, as /api/tags shows it. */
export function digestOf(model: FakeModel): string {
  let digest = digests.get(model);
  if (digest === undefined) {
    digest = sha256Hex(JSON.stringify({ schemaVersion: 2, config: configLayerOf(model), layers: layersOf(model) }));
    digests.set(model, digest);
  }
  return digest;
}

export function sizeOf(model: FakeModel): number {
  let size = sizes.get(model);
  if (size === undefined) {
    size = layersOf(model).reduce((sum, layer) => sum + layer.size, 0) + configLayerOf(model).size;
    sizes.set(model, size);
  }
  return size;
}

const DEFAULT_SIZE = 4_661_224_676;

/** A model as a seed describes it; the weights digest depends only on the name, so a pulled copy matches. */
export function modelFromSeed(seed: FakeModelSeed, now = new Date()): FakeModel {
  const family = seed.family ?? 'llama';
  const model: FakeModel = {
    name: displayShortest(seed.name),
    weights: [],
    format: seed.format ?? 'gguf',
    family,
    families: seed.families ?? [family],
    parameterSize: seed.parameterSize ?? '8.0B',
    quantizationLevel: seed.quantizationLevel ?? 'Q4_0',
    parentModel: seed.parentModel ?? '',
    template: seed.template ?? '{{ if .System }}{{ .System }}\n{{ end }}{{ .Prompt }}',
    system: seed.system ?? '',
    license: seed.license === undefined ? [] : Array.isArray(seed.license) ? seed.license : [seed.license],
    parameters: seed.parameters ?? {},
    messages: seed.messages ?? [],
    capabilities: seed.capabilities ?? ['completion'],
    contextLength: seed.contextLength ?? 8192,
    modelInfo: seed.modelInfo ?? {},
    remoteHost: seed.remoteHost ?? '',
    remoteModel: seed.remoteModel ?? '',
    modifiedAt: seed.modifiedAt ? new Date(seed.modifiedAt) : now,
    createRequest: null,
  };
  // The weights take whatever the seed's size leaves after the text layers and the config.
  const fixed = textLayersOf(model).reduce((sum, layer) => sum + layer.size, 0) + configLayerOf(model).size;
  const weightsSize = Math.max(1, (seed.size ?? DEFAULT_SIZE) - fixed);
  return { ...model, weights: [{ mediaType: MEDIA_TYPES.model, digest: `sha256:${sha256Hex(`weights ${modelKey(seed.name)}`)}`, size: weightsSize }] };
}

export interface BlobInfo {
  size: number;
  /** The first bytes, enough to recognise a GGUF file. */
  head: Buffer;
}

export class ModelStore {
  private readonly models = new Map<string, FakeModel>();
  private readonly library = new Map<string, FakeModelSeed>();
  private readonly blobs = new Map<string, BlobInfo>();
  private readonly loaded = new Map<string, LoadedModel>();
  /** Bytes already downloaded per digest by a pull that was interrupted. */
  readonly partialPulls = new Map<string, number>();

  get(name: string): FakeModel | undefined {
    return this.models.get(modelKey(name));
  }

  /** Stores a model; an existing one with the same key keeps its spelling, as in Ollama. */
  put(model: FakeModel): FakeModel {
    const key = modelKey(model.name);
    const existing = this.models.get(key);
    const stored = existing ? { ...model, name: existing.name } : model;
    this.models.set(key, stored);
    for (const layer of [...layersOf(stored), configLayerOf(stored)]) {
      if (!this.blobs.has(layer.digest)) this.blobs.set(layer.digest, { size: layer.size, head: Buffer.alloc(0) });
    }
    return stored;
  }

  addSeed(seed: FakeModelSeed): FakeModel {
    return this.put(modelFromSeed(seed));
  }

  remove(name: string): boolean {
    const key = modelKey(name);
    this.loaded.delete(key);
    return this.models.delete(key);
  }

  /** Newest first, as /api/tags lists them. */
  list(): FakeModel[] {
    return [...this.models.values()].sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime());
  }

  addToLibrary(seed: FakeModelSeed): void {
    this.library.set(libraryKey(seed.name), seed);
  }

  removeFromLibrary(name: string): boolean {
    return this.library.delete(libraryKey(name));
  }

  /** What the registry serves for a pull of `name` (Hugging Face's tag rules included). */
  fromLibrary(name: string): FakeModelSeed | undefined {
    return this.library.get(libraryKey(name));
  }

  libraryNames(): string[] {
    return [...this.library.values()].map((seed) => displayShortest(seed.name));
  }

  /** `digest` as `sha256:<hex>`; Ollama's blob paths make `sha256-<hex>` the same file. */
  blob(digest: string): BlobInfo | undefined {
    return this.blobs.get(digest.replace(/^sha256-/, 'sha256:'));
  }

  addBlob(digest: string, info: BlobInfo): void {
    this.blobs.set(digest.replace(/^sha256-/, 'sha256:'), info);
  }

  load(name: string, keepAliveMs: number, contextLength: number, forever: boolean): void {
    const key = modelKey(name);
    this.loaded.set(key, { key, expiresAt: forever ? null : Date.now() + keepAliveMs, contextLength });
  }

  unload(name: string): boolean {
    return this.loaded.delete(modelKey(name));
  }

  /** Loaded models, longest time left first; expired ones are dropped, as the scheduler would. */
  running(): Array<{ model: FakeModel; loaded: LoadedModel }> {
    const now = Date.now();
    const out: Array<{ model: FakeModel; loaded: LoadedModel }> = [];
    for (const [key, loaded] of this.loaded) {
      const model = this.models.get(key);
      if (!model || (loaded.expiresAt !== null && loaded.expiresAt <= now)) {
        this.loaded.delete(key);
        continue;
      }
      out.push({ model, loaded });
    }
    const left = (l: LoadedModel): number => l.expiresAt ?? Number.MAX_SAFE_INTEGER;
    return out.sort((a, b) => left(b.loaded) - left(a.loaded));
  }

  clear(): void {
    this.models.clear();
    this.library.clear();
    this.blobs.clear();
    this.loaded.clear();
    this.partialPulls.clear();
  }
}
