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

  private async one(registry: Registry, workspaceDir: string, name: string, baseModels: string[]): Promise<DesiredRequest> {
    const modelfile = Object.hasOwn(registry.models, name) ? (registry.models[name]?.modelfile ?? '') : '';
    const id = `${workspaceDir}\0${name}\0${modelfile}`;
    const stamp = await this.stamp(workspaceDir, modelfile, this.cache.get(id)?.desired);
    const cached = this.cache.get(id);
    if (stamp !== null && cached?.stamp === stamp) return cached.desired;
    const desired = await desiredRequest({ workspaceDir, name, modelfile, baseModels, hashes: this.hashes, ...(this.homeDir ? { homeDir: this.homeDir } : {}) });
    const after = await this.stamp(workspaceDir, modelfile, desired);
    if (after !== null) this.cache.set(id, { stamp: after, desired });
    return desired;
  }

  /** The Modelfile's stamp and those of the local files its last request uploaded. */
  private async stamp(workspaceDir: string, modelfile: string, desired: DesiredRequest | undefined): Promise<string | null> {
    if (modelfile === '' || path.isAbsolute(modelfile)) return null;
    const files = [path.resolve(workspaceDir, modelfile), ...(desired?.ok ? desired.uploads.map((u) => u.path) : [])];
    const stamps = await Promise.all(files.map(stampOf));
    return stamps.map((s) => s ?? 'missing').join('|');
  }
}
