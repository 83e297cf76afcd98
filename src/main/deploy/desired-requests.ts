import path from 'node:path';
import type { Registry } from '../../shared/registry';
import { desiredRequest, type DesiredRequest } from './desired-request';
import { fileStamp, sameFileStamp, settledBefore, type FileStamp } from './file-stamp';
import type { WeightHashes } from './weight-hashes';

/**
 * The desired request of every registry model, remembered per model (workspace, registry name,
 * Modelfile path) while its Modelfile and the local weight files its request uploads keep their
 * stamps, so a warm plan of a thousand models stats a thousand files and reads none. The rule
 * (file-stamp.ts): same inode, size, mtime and ctime, and each file had settled before it was
 * read; a file edited within SETTLE_MS of a read is read again next time, so an edit that keeps
 * its size within one mtime tick is still seen by its content. A Modelfile with problems is
 * remembered the same way.
 */

interface Remembered {
  /** The Modelfile, then the files its request uploads, as absolute paths. */
  files: string[];
  /** Each file's stamp when it was read (null: missing then). */
  stamps: (FileStamp | null)[];
  desired: DesiredRequest;
}

export class DesiredRequests {
  private readonly cache = new Map<string, Remembered>();

  constructor(
    private readonly hashes: WeightHashes,
    private readonly homeDir?: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Registry key → desired request, in registry order. */
  async all(registry: Registry, workspaceDir: string): Promise<Map<string, DesiredRequest>> {
    const names = Object.keys(registry.models);
    const baseModels = Object.keys(registry.base_models);
    const results = await Promise.all(names.map((name) => this.one(registry, workspaceDir, name, baseModels)));
    const all = new Map<string, DesiredRequest>();
    for (let i = 0; i < names.length; i++) all.set(names[i]!, results[i]!);
    return all;
  }

  /** The remembered request when none of its files changed; else the work, as a promise. */
  private one(registry: Registry, workspaceDir: string, name: string, baseModels: string[]): DesiredRequest | Promise<DesiredRequest> {
    const entry = Object.hasOwn(registry.models, name) ? registry.models[name] : undefined;
    const modelfile = entry?.modelfile ?? '';
    const quantize = entry?.quantize;
    // The quantize setting is part of the request: changing it alone makes a new one.
    const id = `${workspaceDir}\0${name}\0${modelfile}\0${quantize ?? ''}`;
    const cached = this.cache.get(id);
    if (cached && cached.files.every((file, i) => sameFileStamp(fileStamp(file), cached.stamps[i]!))) return cached.desired;
    return this.prepare(id, workspaceDir, name, modelfile, quantize, baseModels);
  }

  private async prepare(id: string, workspaceDir: string, name: string, modelfile: string, quantize: string | undefined, baseModels: string[]): Promise<DesiredRequest> {
    this.cache.delete(id);
    // An absolute or empty path is refused by desiredRequest: nothing to remember.
    const cacheable = modelfile !== '' && !path.isAbsolute(modelfile);
    const readAt = this.now();
    // Stamped before it is read: an edit during the read leaves a stamp that no longer matches.
    const modelfilePath = path.resolve(workspaceDir, modelfile);
    const modelfileStamp = cacheable ? fileStamp(modelfilePath) : null;
    const desired = await desiredRequest({ workspaceDir, name, modelfile, quantize, baseModels, hashes: this.hashes, ...(this.homeDir ? { homeDir: this.homeDir } : {}) });
    if (!cacheable) return desired;
    const files = [modelfilePath, ...(desired.ok ? desired.uploads.map((u) => u.path) : [])];
    const stamps = [modelfileStamp, ...files.slice(1).map(fileStamp)];
    // A missing Modelfile is remembered as missing; a file changed too recently to trust its stamp is not remembered.
    if (stamps.every((stamp) => stamp === null || settledBefore(stamp, readAt))) this.cache.set(id, { files, stamps, desired });
    return desired;
  }
}
