import { AppError } from '../../shared/errors';
import { buildMatrix } from '../../shared/deploy/matrix';
import type { DeployJobView, DesiredBuild } from '../../shared/deploy/model-state';
import { planDeployment } from '../../shared/deploy/plan-deployment';
import type { ApplyResult, HostPlan, Matrix, Plan, PlanAction } from '../../shared/deploy/plan-schema';
import { isFinished, type Job } from '../../shared/jobs';
import { modelKey } from '../../shared/model-name';
import { createJobRunner } from '../jobs/create-job';
import type { JobManager } from '../jobs/job-manager';
import { pullJobRunner } from '../jobs/pull-job';
import type { HostPool } from '../hosts/host-pool';
import { findModelKey } from '../registry/operations';
import type { WorkspaceSession } from '../services/workspace-session';
import { applyJobRunner } from './apply-job';
import { deployJobRunner } from './deploy-job';
import { DeploymentWrites } from './deployment-writes';
import { DesiredRequests } from './desired-requests';
import { toDesiredBuild, type DesiredRequest } from './desired-request';
import { toHostState } from './host-state';
import { APPLY_JOB_KEY, deployJobKey, hostPullJobKey, preloadJobKey, removeJobKey } from './job-keys';
import { WeightHashes } from './weight-hashes';

/**
 * Where each model is, deploying a version to a host, and plan and apply: the services gather
 * the hosts' listings and the desired requests, the pure functions in shared/deploy decide,
 * and the jobs carry it out.
 */

export interface DeployServiceDeps {
  hosts: () => HostPool;
  session: () => WorkspaceSession;
  jobs: JobManager;
  hashes?: WeightHashes;
  homeDir?: string;
  now?: () => Date;
}

export class DeployService {
  readonly hashes: WeightHashes;
  private readonly desired: DesiredRequests;
  private readonly writes: DeploymentWrites;

  constructor(private readonly deps: DeployServiceDeps) {
    this.hashes = deps.hashes ?? new WeightHashes();
    this.desired = new DesiredRequests(this.hashes, deps.homeDir);
    this.writes = new DeploymentWrites(() => deps.session().store);
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** The named hosts, or all; a name that is not a host is bad input that names the known ones. */
  private chosenHosts(names: readonly string[] | undefined): string[] {
    const pool = this.deps.hosts();
    const all = pool.list().map((host) => host.name);
    if (!names) return all;
    const unknown = names.filter((name) => !pool.has(name));
    if (unknown.length > 0) {
      throw new AppError('validation', `There is no host named "${unknown[0]}". The hosts are: ${all.join(', ')}.`, [{ path: 'hosts', message: 'unknown host' }]);
    }
    return [...new Set(names)];
  }

  private async desiredAll(): Promise<Map<string, DesiredRequest>> {
    const session = this.deps.session();
    return this.desired.all(session.store.get().registry, session.dir);
  }

  async plan(input: { hosts?: readonly string[] | undefined; prune: boolean }): Promise<{ plan: Plan; desired: Map<string, DesiredRequest> }> {
    const names = this.chosenHosts(input.hosts);
    const pool = this.deps.hosts();
    const registry = this.deps.session().store.get().registry;
    // What is loaded matters only to preloads: with no auto_preload model, /api/ps is not asked.
    const running = Object.values(registry.models).some((entry) => entry.auto_preload);
    const [snapshots, desired] = await Promise.all([Promise.all(names.map((name) => pool.refresh(name, { running }))), this.desiredAll()]);
    const plan = planDeployment({
      registry,
      desired: desiredBuilds(desired),
      hosts: snapshots.map(toHostState),
      prune: input.prune,
      modelfileSha256: (name) => modelfileShaOf(desired, name),
      createdAt: this.now().toISOString(),
    });
    return { plan, desired };
  }

  async matrix(): Promise<Matrix> {
    const pool = this.deps.hosts();
    const views = pool.list();
    const [snapshots, desired] = await Promise.all([
      Promise.all(views.map((view) => (pool.snapshot(view.name).checkedAt === null ? pool.refresh(view.name) : pool.snapshot(view.name)))),
      this.desiredAll(),
    ]);
    const jobs = jobIndex(this.deps.jobs.list(), pool.primaryName());
    return buildMatrix({
      registry: this.deps.session().store.get().registry,
      hosts: snapshots.map((snapshot) => ({ state: toHostState(snapshot), status: snapshot.connection.status, checkedAt: snapshot.checkedAt })),
      desired: desiredBuilds(desired),
      modelfileSha256: (name) => modelfileShaOf(desired, name),
      jobFor: (host, kind, model) => jobs.get(`${host}\0${kind}\0${modelKey(model)}`) ?? null,
    });
  }

  /** Builds one registry version on one host, as a job (the primary's is today's create job). */
  deployVersion(input: { name: string; host: string }): Job {
    const pool = this.deps.hosts();
    const [host] = this.chosenHosts([input.host]);
    const snapshot = this.deps.session().store.get();
    const key = findModelKey(snapshot.registry, input.name);
    if (key === undefined) throw new AppError('not_found', `There is no model named "${input.name}" in the registry.`);
    if (snapshot.readOnly) throw new AppError('read_only', `The registry file ${snapshot.workspace.registryPath} is invalid; fix it before deploying models.`);
    return this.startCreate(host!, key, pool.primaryName());
  }

  private startCreate(host: string, key: string, primary: string): Job {
    const { jobs } = this.deps;
    const pool = this.deps.hosts();
    const session = this.deps.session();
    const link = pool.link(host);
    const gateway = pool.gateway(host);
    const jobHost = host === primary ? null : host;
    const existing = jobs.active(deployJobKey(jobHost, key));
    if (existing) return existing;
    const common = { hashes: this.hashes, ...(this.deps.homeDir ? { homeDir: this.deps.homeDir } : {}), ...(this.deps.now ? { now: this.deps.now } : {}) };
    const run =
      jobHost === null
        ? createJobRunner(
            { store: session.store, gateway, fetch: link.fetch, timeouts: link.timeouts, primaryHost: primary, onSettled: () => void session.sync.syncNow().catch(() => undefined), ...common },
            { name: key, pullBase: false },
          )
        : deployJobRunner({ store: session.store, host, link, gateway, writes: this.writes, onSettled: () => void pool.refresh(host).catch(() => undefined), ...common }, { name: key, pullBase: false });
    return jobs.start({ kind: 'create', target: key, key: deployJobKey(jobHost, key), host: jobHost, run }).job;
  }

  private startAction(hostPlan: HostPlan, action: PlanAction): Job {
    const { jobs } = this.deps;
    const pool = this.deps.hosts();
    const primary = pool.primaryName();
    const host = hostPlan.host;
    const jobHost = host === primary ? null : host;
    const model = action.model;
    if (action.kind === 'create') return this.startCreate(host, model, primary);
    const gateway = pool.gateway(host);
    if (action.kind === 'pull') {
      const link = pool.link(host);
      const run = pullJobRunner({ host: link.host, fetch: link.fetch, timeouts: link.timeouts }, model);
      return jobs.start({ kind: 'pull', target: model, key: hostPullJobKey(jobHost, model), host: jobHost, run }).job;
    }
    if (action.kind === 'preload') {
      const run = async () => gateway.load(model);
      return jobs.start({ kind: 'preload', target: model, key: preloadJobKey(jobHost, model), host: jobHost, run }).job;
    }
    return jobs.start({
      kind: 'delete',
      target: model,
      key: removeJobKey(jobHost, model),
      host: jobHost,
      run: async (ctx) => {
        try {
          await gateway.delete(model, { signal: ctx.signal });
        } catch (error) {
          // Gone already: what is left to do is to forget it.
          if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
        }
        await this.writes.write(host, model, null);
      },
    }).job;
  }

  /** A fresh plan, run as an `apply` job; no job when there is nothing to do. */
  async apply(input: { hosts?: readonly string[] | undefined; prune: boolean }): Promise<ApplyResult> {
    const store = this.deps.session().store;
    if (store.get().readOnly) throw new AppError('read_only', `The registry file ${store.get().workspace.registryPath} is invalid; fix it before applying a plan.`);
    const active = this.deps.jobs.active(APPLY_JOB_KEY);
    if (active) throw new AppError('conflict', 'An apply is already running; wait for it to finish or cancel it.');
    const { plan, desired } = await this.plan(input);
    if (plan.changes === 0) return { plan, job: null };
    const pool = this.deps.hosts();
    const run = applyJobRunner(
      {
        jobs: this.deps.jobs,
        startAction: (host, action) => this.startAction(host, action),
        fromOf: (model) => {
          const found = desired.get(model);
          return found?.ok ? found.from : null;
        },
        afterHost: async (host) => void (await pool.refresh(host)),
      },
      plan,
    );
    const target = plan.hosts.filter((h) => h.actions.length > 0).map((h) => h.host).join(', ');
    return { plan, job: this.deps.jobs.start({ kind: 'apply', target, key: APPLY_JOB_KEY, unslotted: true, run }).job };
  }
}

function desiredBuilds(desired: Map<string, DesiredRequest>): Map<string, DesiredBuild> {
  return new Map([...desired].map(([name, request]) => [name, toDesiredBuild(request)] as const));
}

function modelfileShaOf(desired: Map<string, DesiredRequest>, name: string): string | null {
  const found = desired.get(name);
  return found?.ok ? found.modelfileSha256 : null;
}

/** host \0 kind \0 model key → the active job, else the newest finished one (jobs come newest first). */
function jobIndex(jobs: readonly Job[], primary: string): Map<string, DeployJobView> {
  const index = new Map<string, DeployJobView>();
  for (const job of jobs) {
    if (job.kind !== 'create' && job.kind !== 'pull') continue;
    const id = `${job.host ?? primary}\0${job.kind}\0${modelKey(job.target)}`;
    const known = index.get(id);
    if (known && (known.state === 'queued' || known.state === 'running' || isFinished(job.state))) continue;
    index.set(id, { id: job.id, state: job.state, percent: job.progress?.percent ?? null, error: job.error, endedAt: job.endedAt });
  }
  return index;
}
