import { ownValue } from '../own-key';
import type { Registry } from '../registry';
import { findOnHost, modelStateOnHost, type DeployJobView, type DesiredBuild, type HostState } from './model-state';
import type { Cell, Matrix } from './plan-schema';

/** Registry models and base models × hosts, each cell the model's state there (see model-state.ts). */

export interface MatrixInput {
  registry: Registry;
  hosts: readonly { state: HostState; status: Matrix['hosts'][number]['status']; checkedAt: string | null }[];
  desired: ReadonlyMap<string, DesiredBuild>;
  modelfileSha256: (name: string) => string | null;
  /** The active deploy or pull job for a model on a host, else the newest finished one. */
  jobFor: (host: string, kind: 'create' | 'pull', model: string) => DeployJobView | null;
}

const NOT_PREPARED: DesiredBuild = { ok: false, reason: 'Its create request could not be prepared.' };

export function buildMatrix(input: MatrixInput): Matrix {
  const { registry } = input;
  const models = Object.keys(registry.models).map((name) => {
    const entry = ownValue(registry.models, name);
    const cells: Record<string, Cell> = {};
    for (const { state: host } of input.hosts) {
      cells[host.name] = modelStateOnHost({
        name,
        host,
        record: ownValue(ownValue(registry.deployments, host.name), name),
        desired: input.desired.get(name) ?? NOT_PREPARED,
        job: input.jobFor(host.name, 'create', name),
        primaryBuild: host.primary ? { build: entry?.build, modelfileSha256: input.modelfileSha256(name) } : null,
      });
    }
    return { name, cells };
  });
  const baseModels = Object.keys(registry.base_models).map((name) => {
    const cells: Record<string, Cell> = {};
    for (const { state: host } of input.hosts) cells[host.name] = baseCell(host, name, input.jobFor(host.name, 'pull', name));
    return { name, cells };
  });
  const hosts = input.hosts.map(({ state, status, checkedAt }) => ({ name: state.name, primary: state.primary, status, message: state.message, checkedAt }));
  return { hosts, models, baseModels };
}

/** A base model is pulled, never built: available, missing, queued, building or offline. */
function baseCell(host: HostState, name: string, job: DeployJobView | null): Cell {
  const present = host.online ? findOnHost(host, name) : undefined;
  const cell: Cell = { state: !host.online ? 'offline' : present ? 'available' : 'missing', digest: present?.digest ?? null, deployedAt: null, jobId: null, percent: null, detail: host.online ? null : host.message };
  if (job && (job.state === 'queued' || job.state === 'running')) return { ...cell, state: job.state === 'queued' ? 'queued' : 'building', jobId: job.id, percent: job.percent };
  return cell;
}
