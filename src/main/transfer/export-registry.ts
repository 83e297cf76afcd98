import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../shared/errors';
import type { RegistryExport } from '../../shared/lifecycle';
import { serializeRegistry } from '../registry/engine';
import { parseRegistryText } from '../registry/parse';
import type { RegistryStore } from '../registry/store';
import { REGISTRY_FILE, resolveModelfilePath } from '../workspace/paths';
import { fileErrorReason } from '../../shared/file-error-reason';

/**
 * The registry as a file to download: the JSON exactly as the workspace has it (key order, extra
 * keys, the user's layout), or a zip of it with its Modelfiles at their workspace paths, so that
 * unpacking the zip gives a workspace that opens as is. Built in memory and sent over the contract,
 * hence the limits: Modelfiles are text, and a zip near these sizes holds something else.
 */

/** One Modelfile larger than this is not a Modelfile (weights belong in Ollama, not in the zip). */
export const MAX_MODELFILE_BYTES = 5_000_000;
/** The zip's content in total, before compression. */
export const MAX_ZIP_INPUT_BYTES = 50_000_000;

export function exportFileStem(store: RegistryStore, now: Date): string {
  const safe = store.workspace.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
  return `${safe}-model_settings-${now.toISOString().slice(0, 10)}`;
}

/**
 * The file's text when it is valid (byte for byte what the user keeps), else the last valid
 * registry the store serves while the file is broken.
 */
export function registryText(store: RegistryStore): string {
  const snapshot = store.get();
  if (!snapshot.readOnly) {
    try {
      const text = fs.readFileSync(store.path, 'utf8');
      if (parseRegistryText(text, REGISTRY_FILE).ok) return text;
    } catch {
      // No file yet (nothing declared) or unreadable: the store's view below is the registry.
    }
  }
  return serializeRegistry(snapshot.registry);
}

export function exportRegistryJson(store: RegistryStore, now: Date): RegistryExport {
  const text = registryText(store);
  return {
    fileName: `${exportFileStem(store, now)}.json`,
    mimeType: 'application/json',
    encoding: 'utf8',
    data: text,
    bytes: Buffer.byteLength(text, 'utf8'),
    modelfiles: { included: [], skipped: [] },
  };
}

export function exportRegistryZip(store: RegistryStore, now: Date): RegistryExport {
  const workspace = store.workspace.path;
  const registry = store.get().registry;
  const files: Zippable = { [REGISTRY_FILE]: strToU8(registryText(store)) };
  let total = (files[REGISTRY_FILE] as Uint8Array).length;
  const included: string[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  const seen = new Set<string>();

  for (const entry of Object.values(registry.models)) {
    if (!entry.modelfile || seen.has(entry.modelfile)) continue;
    seen.add(entry.modelfile);
    let file: string;
    try {
      file = resolveModelfilePath(workspace, entry.modelfile);
    } catch (error) {
      skipped.push({ path: entry.modelfile, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const zipPath = path.relative(workspace, file).split(path.sep).join('/');
    if (zipPath in files) continue;
    let bytes: Buffer;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (stat.size > MAX_MODELFILE_BYTES) {
        skipped.push({ path: entry.modelfile, reason: `larger than ${MAX_MODELFILE_BYTES / 1_000_000} MB; a Modelfile is text` });
        continue;
      }
      bytes = fs.readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      skipped.push({ path: entry.modelfile, reason: code === 'ENOENT' ? 'no such file in the workspace' : `cannot be read (${fileErrorReason(error)})` });
      continue;
    }
    total += bytes.length;
    if (total > MAX_ZIP_INPUT_BYTES) {
      throw new AppError('validation', `The Modelfiles add up to more than ${MAX_ZIP_INPUT_BYTES / 1_000_000} MB; export the registry as JSON, or zip the workspace folder yourself.`);
    }
    files[zipPath] = bytes;
    included.push(zipPath);
  }

  const zipped = zipSync(files, { level: 6, mtime: now });
  return {
    fileName: `${exportFileStem(store, now)}.zip`,
    mimeType: 'application/zip',
    encoding: 'base64',
    data: Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength).toString('base64'),
    bytes: zipped.byteLength,
    modelfiles: { included: included.sort(), skipped },
  };
}
