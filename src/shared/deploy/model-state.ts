import type { BuildProvenance } from '../registry';
import { modelKey } from '../model-name';
import type { DeploymentRecord } from './deployments';
import type { Cell, CellState } from './plan-schema';

/**
 * One registry model's state on one host, from plain data: what the host lists, what
 * Modelwright recorded building there, the create request the registry would send now (by its
 * hash), and the deploy job for it, if any. "The same version" means the same request hash:
 * Ollama gives a re-created model a new digest on every host, so digests only tell whether the
 * model changed since it was recorded.
 */

/** What building a model would send now: the request's hash, or why it cannot be built. */
export type DesiredBuild =
  | {
      ok: true;
      requestSha256: string;
      /** The model name the request builds on (`from`); null for local weights. */
      from: string | null;
    }
  | { ok: false; reason: string };

/** A host as the plan and the matrix see it. */
export interface HostState {
  name: string;
  primary: boolean;
  /** False: offline, not yet reached, or answering with errors; nothing is known of its models. */
  online: boolean;
  /** Why it is not online, and what to do. */
  message: string | null;
  /** What /api/tags said; null while unknown (never read as "missing"). */
  models: readonly { name: string; digest: string }[] | null;
  /** Names in /api/ps; null when unknown. */
  running: readonly string[] | null;
}

/** The deploy job for this model on this host: the active one, else the newest finished one. */
export interface DeployJobView {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
  percent: number | null;
  error: string | null;
  /** When it ended (ISO), to tell a failure newer than the last recorded build. */
  endedAt: string | null;
}

export interface ModelOnHostInput {
  name: string;
  host: HostState;
  record: DeploymentRecord | undefined;
  desired: DesiredBuild;
  job?: DeployJobView | null;
  /**
   * Only on the primary: the entry's build provenance and its Modelfile's sha256 now. A model
   * built before deployments were recorded counts as available when both still match, so
   * existing users do not rebuild everything.
   */
  primaryBuild?: { build: BuildProvenance | undefined; modelfileSha256: string | null } | null;
}

/** Digests as /api/tags gives them (bare hex) or with their `sha256:` prefix compare equal. */
export function sameDigest(a: string, b: string): boolean {
  const bareA = bareDigest(a);
  return bareA !== '' && bareA === bareDigest(b);
}

function bareDigest(digest: string): string {
  const prefixed = digest.startsWith('sha256') && (digest[6] === ':' || digest[6] === '-');
  return (prefixed ? digest.slice(7) : digest).toLowerCase();
}

type Listing = NonNullable<HostState['models']>;
/** Each listing indexed once by model key: a plan looks up every registry model on every host. */
const indexes = new WeakMap<Listing, Map<string, Listing[number]>>();

/** The host's entry for `name`, by Ollama's name rules (`llama3` = `llama3:latest`). */
export function findOnHost(host: HostState, name: string): { name: string; digest: string } | undefined {
  const models = host.models;
  if (!models) return undefined;
  let index = indexes.get(models);
  if (!index) {
    index = new Map();
    for (const model of models) {
      const key = modelKey(model.name);
      if (!index.has(key)) index.set(key, model);
    }
    indexes.set(models, index);
  }
  return index.get(modelKey(name));
}

// Cells are written out field by field, not spread: a plan makes one per model per host.
function cell(state: CellState, digest: string | null, deployedAt: string | null, detail: string | null): Cell {
  return { state, digest, deployedAt, jobId: null, percent: null, detail };
}

/**
 * The state apply acts on, without jobs: available, outdated, unverified, missing, blocked or
 * offline (see `plan-schema.ts` for what each means).
 */
export function buildState(input: ModelOnHostInput): Cell {
  const { host, record, desired } = input;
  if (!host.online || host.models === null) return cell('offline', null, null, host.message);
  const present = findOnHost(host, input.name);
  const digest = present?.digest ?? null;
  const deployedAt = record?.deployed_at ?? null;
  if (!desired.ok) return cell('blocked', digest, deployedAt, desired.reason);
  if (!present) return cell('missing', digest, deployedAt, record ? 'It was built here, and the host no longer has it.' : null);
  if (record) {
    if (!sameDigest(record.digest, present.digest)) return cell('unverified', digest, deployedAt, 'It changed on the host since Modelwright built it there.');
    if (record.request_sha256 !== desired.requestSha256) {
      return cell('outdated', digest, deployedAt, 'Its Modelfile, base model or weights changed since it was built here.');
    }
    return cell('available', digest, deployedAt, null);
  }
  const primary = input.primaryBuild;
  if (host.primary && primary) {
    // The primary's truth is the entry, as the seed wrote it: with no build recorded (a registry
    // from before builds were recorded, or the seed's own tools) the model is what its status says,
    // as the card shows it; with one, the same checks as the card's "outdated".
    const { build } = primary;
    if (!build) return cell('available', digest, deployedAt, 'No build was recorded for it; the registry says it is available here.');
    if (!sameDigest(build.digest, present.digest)) return cell('unverified', digest, deployedAt, 'It changed on the host since Modelwright built it there.');
    if (primary.modelfileSha256 !== build.modelfile_sha256) return cell('outdated', digest, build.built_at, 'Its Modelfile changed since it was built.');
    return cell('available', digest, build.built_at, null);
  }
  return cell('unverified', digest, deployedAt, 'The host has a model of this name that Modelwright did not build there.');
}

/** The matrix cell: the build state, or the deploy job while it is queued or running, or its failure. */
export function modelStateOnHost(input: ModelOnHostInput): Cell {
  const base = buildState(input);
  const job = input.job;
  if (!job) return base;
  if (job.state === 'queued' || job.state === 'running') {
    return { ...base, state: job.state === 'queued' ? 'queued' : 'building', jobId: job.id, percent: job.state === 'running' ? job.percent : null };
  }
  const newerThanBuild = base.deployedAt === null || (job.endedAt !== null && job.endedAt > base.deployedAt);
  if (job.state === 'failed' && base.state !== 'available' && base.state !== 'offline' && newerThanBuild) {
    return { ...base, state: 'failed', jobId: job.id, detail: job.error };
  }
  return base;
}
