import { modelKey } from '../model-name';
import { ownValue } from '../own-key';
import type { ModelEntry, Registry } from '../registry';
import type { DeploymentRecord } from './deployments';
import { buildState, findOnHost, type DesiredBuild, type HostState } from './model-state';
import type { HostPlan, Plan } from './plan-schema';

/**
 * What `apply` would do to make each host match the registry: pull the bases that creates need
 * and the host lacks, create models that are missing, outdated or unverified there, load
 * `auto_preload` models that are not loaded, and, only with prune, remove models recorded as
 * built there (under `deployments`) that the registry no longer lists. A model the registry
 * does not own is never touched, and a host that does not answer gets no actions.
 */

export interface PlanInput {
  registry: Registry;
  /** Registry key → what building it would send now (absent: treated as not buildable). */
  desired: ReadonlyMap<string, DesiredBuild>;
  hosts: readonly HostState[];
  prune: boolean;
  /** Registry key → its Modelfile's sha256 now, for the primary's pre-deployment builds. */
  modelfileSha256?: (name: string) => string | null;
  createdAt: string;
}

interface PlannedCreate {
  name: string;
  desired: Extract<DesiredBuild, { ok: true }>;
  reason: 'missing' | 'outdated' | 'unverified';
}

const NOT_PREPARED: DesiredBuild = { ok: false, reason: 'Its create request could not be prepared.' };

/** What every host's plan reads of each registry model, worked out once per plan, not once per host. */
interface Facts {
  models: { name: string; key: string; entry: ModelEntry | undefined; desired: DesiredBuild }[];
  /** Model key → registry name. */
  registryKeys: Map<string, string>;
  baseModelKeys: Set<string>;
  /** Keys of the models registry models are built on (only with prune). */
  fromKeys: Set<string>;
}

export function planDeployment(input: PlanInput): Plan {
  const { registry } = input;
  const names = Object.keys(registry.models);
  const models = names.map((name) => ({ name, key: modelKey(name), entry: ownValue(registry.models, name), desired: input.desired.get(name) ?? NOT_PREPARED }));
  const facts: Facts = {
    models,
    registryKeys: new Map(models.map((m) => [m.key, m.name] as const)),
    baseModelKeys: new Set(Object.keys(registry.base_models).map(modelKey)),
    fromKeys: input.prune ? new Set([...input.desired.values()].flatMap((d) => (d.ok && d.from !== null ? [modelKey(d.from)] : []))) : new Set(),
  };
  const hosts = input.hosts.map((host) => planHost(input, facts, host));
  return { createdAt: input.createdAt, prune: input.prune, hosts, changes: hosts.reduce((sum, host) => sum + host.actions.length, 0) };
}

function planHost(input: PlanInput, facts: Facts, host: HostState): HostPlan {
  const plan: HostPlan = { host: host.name, primary: host.primary, online: host.online && host.models !== null, message: host.message, actions: [], skipped: [] };
  if (!plan.online) {
    plan.message ??= `${host.name} does not answer, so nothing is planned for it.`;
    return plan;
  }
  const { registry } = input;
  const { registryKeys } = facts;
  const records = ownValue(registry.deployments, host.name) ?? {};

  // Every model's state on this host, and the creates it needs.
  const creating = new Map<string, PlannedCreate>();
  const available = new Set<string>();
  for (const { name, key, entry, desired } of facts.models) {
    const state = buildState({
      name,
      host,
      record: ownValue(records, name),
      desired,
      primaryBuild: host.primary ? { build: entry?.build, modelfileSha256: input.modelfileSha256?.(name) ?? null } : null,
    });
    if (state.state === 'blocked') plan.skipped.push({ model: name, reason: state.detail ?? 'It cannot be built.' });
    else if (state.state === 'available') available.add(key);
    else if (desired.ok && (state.state === 'missing' || state.state === 'outdated' || state.state === 'unverified')) {
      creating.set(key, { name, desired, reason: state.state });
    }
  }

  // A create built on another registry model waits for it; one whose registry base cannot be built is skipped.
  const ordered: PlannedCreate[] = [];
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (key: string): boolean => {
    if (done.has(key)) return true;
    const create = creating.get(key);
    if (!create || visiting.has(key)) return false;
    visiting.add(key);
    const from = create.desired.from === null ? undefined : registryKeys.get(modelKey(create.desired.from));
    const fromKey = from === undefined ? null : modelKey(from);
    const ready = fromKey === null || available.has(fromKey) || visit(fromKey) || findOnHost(host, from ?? '') !== undefined;
    visiting.delete(key);
    if (!ready) {
      plan.skipped.push({ model: create.name, reason: `It is built on ${from ?? create.desired.from}, which cannot be built on ${host.name}.` });
      creating.delete(key);
      return false;
    }
    done.add(key);
    ordered.push(create);
    return true;
  };
  for (const key of [...creating.keys()]) visit(key);

  const pulls = new Map<string, { model: string; for: string[] }>();
  for (const { name, desired } of ordered) {
    const from = desired.from;
    if (from === null || registryKeys.has(modelKey(from)) || findOnHost(host, from)) continue;
    const pull = pulls.get(modelKey(from));
    if (pull) pull.for.push(name);
    else pulls.set(modelKey(from), { model: from, for: [name] });
  }
  for (const pull of pulls.values()) {
    const others = pull.for.length - 2;
    const names = others > 0 ? `${pull.for.slice(0, 2).join(', ')} and ${others} more` : pull.for.join(', ');
    plan.actions.push({ kind: 'pull', model: pull.model, reason: `the base of ${names}` });
  }
  for (const { name, desired, reason } of ordered) plan.actions.push({ kind: 'create', model: name, reason, requestSha256: desired.requestSha256 });

  const loaded = new Set((host.running ?? []).map(modelKey));
  for (const { name, key, entry } of facts.models) {
    if (!entry?.auto_preload || loaded.has(key)) continue;
    if (available.has(key) || done.has(key)) plan.actions.push({ kind: 'preload', model: name });
  }

  if (input.prune) {
    // A recorded model that a registry model is built on stays: it is in use as a base.
    for (const [name, record] of Object.entries(records) as [string, DeploymentRecord][]) {
      const key = modelKey(name);
      if (record === undefined || registryKeys.has(key) || facts.fromKeys.has(key) || facts.baseModelKeys.has(key) || !findOnHost(host, name)) continue;
      plan.actions.push({ kind: 'remove', model: name });
    }
  }
  return plan;
}
