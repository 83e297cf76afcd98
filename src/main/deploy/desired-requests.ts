import path from 'node:path';
import type { Registry } from '../../shared/registry';
import { desiredRequest, type DesiredRequest } from './desired-request';
import { stampOf, type WeightHashes } from './weight-hashes';

/**
 * The desired request of every registry model, remembered per model until its Modelfile or one
 * of its local weight files changes (mtime, size, inode), so planning a thousand models reads
 * only what changed since the last plan. A Modelfile with problems is remembered the same way.
 */
export class DesiredRequests {
  private readonly cache = new Map<string, { stamp: string; desired: DesiredRequest }>();

  constructor(
    private readonly hashes: WeightHashes,
    private readonly homeDir?: string,
  ) {}

  /** Registry key → desired request, in registry order. */
  async all(registry: Registry, workspaceDir: string): Promise<Map<string, DesiredRequest>> {
    const names = Object.keys(registry.models);
    const baseModels = Object.keys(registry.base_models);
    const results = await Promise.all(names.map((name) => this.one(registry, workspaceDir, name, baseModels)));
    return new Map(names.map((name, i) => [name, results[i]!] as const));
  }

  /** The cached request when nothing it was made from changed; else the work, as a promise. */
  private one(registry: Registry, workspaceDir: string, name: string, baseModels: string[]): DesiredRequest | Promise<DesiredRequest> {
    const modelfile = Object.hasOwn(registry.models, name) ? (registry.models[name]?.modelfile ?? '') : '';
    const id = `${workspaceDir}\0${name}\0${modelfile}`;
    const cached = this.cache.get(id);
    const stamp = this.stamp(workspaceDir, modelfile, cached?.desired);
    if (stamp !== null && cached?.stamp === stamp) return cached.desired;
    return this.prepare(id, workspaceDir, name, modelfile, baseModels);
  }

  private async prepare(id: string, workspaceDir: string, name: string, modelfile: string, baseModels: string[]): Promise<DesiredRequest> {
    const desired = await desiredRequest({ workspaceDir, name, modelfile, baseModels, hashes: this.hashes, ...(this.homeDir ? { homeDir: this.homeDir } : {}) });
    const after = this.stamp(workspaceDir, modelfile, desired);
    if (after !== null) this.cache.set(id, { stamp: after, desired });
    return desired;
  }

  /** The Modelfile's stamp and those of the local files its last request uploaded. */
  private stamp(workspaceDir: string, modelfile: string, desired: DesiredRequest | undefined): string | null {
    if (modelfile === '' || path.isAbsolute(modelfile)) return null;
    const files = [path.resolve(workspaceDir, modelfile), ...(desired?.ok ? desired.uploads.map((u) => u.path) : [])];
    return files.map((file) => stampOf(file) ?? 'missing').join('|');
  }
}
