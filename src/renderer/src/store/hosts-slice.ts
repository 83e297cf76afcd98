import type { Matrix, Plan } from '../../../shared/deploy/plan-schema';
import type { HostView } from '../../../shared/hosts/host-config';
import type { AppError } from '../../../shared/errors';
import type { Job } from '../../../shared/jobs';
import { attempt, type ActionResult } from './action-result';
import type { AppState, SliceCreator } from './app-state';

/** Which hosts a plan is for: every host, or one (from its column's menu). */
export interface PlanScope {
  host: string | null;
  prune: boolean;
}

/** The plan dialog: asking for a plan, the plan to confirm, or the apply job it became. */
export type PlanState =
  | { status: 'closed' }
  | { status: 'loading'; scope: PlanScope }
  | { status: 'failed'; scope: PlanScope; error: AppError }
  | { status: 'ready'; scope: PlanScope; plan: Plan; applying: boolean; error: AppError | null }
  | { status: 'applied'; scope: PlanScope; plan: Plan; jobId: string | null };

export type LoadState<T> = { status: 'idle' | 'loading'; value: T | null; error: null } | { status: 'ready'; value: T; error: null } | { status: 'failed'; value: T | null; error: AppError };

export interface AddHostFields {
  name: string;
  url: string;
  token?: string;
}

export interface UpdateHostFields {
  name: string;
  rename?: string;
  url?: string;
  /** A new token; null removes it; absent keeps it. */
  token?: string | null;
}

export interface HostsSlice {
  /** The hosts in Settings, the primary first; null until loaded. */
  hosts: readonly HostView[] | null;
  hostsError: AppError | null;
  /** Every registry model's state on every host (the Hosts page and "Deploy to…"). */
  matrix: LoadState<Matrix>;
  plan: PlanState;
  /** The host a "Deploy to…" dialog is open for, by model. */
  deployDialog: { model: string } | null;
  /** Deploy jobs started here, by `model\nhost`, so a cell shows its job before the matrix is read again. */
  deployJobs: Readonly<Record<string, string>>;
  loadHosts(): Promise<void>;
  receiveHosts(hosts: HostView[]): void;
  /** Errors come back for the form's fields; nothing is notified. */
  addHost(fields: AddHostFields): Promise<ActionResult<HostView[]>>;
  updateHost(fields: UpdateHostFields): Promise<ActionResult<HostView[]>>;
  removeHost(name: string): Promise<ActionResult<HostView[]>>;
  setPrimaryHost(name: string): Promise<ActionResult<HostView[]>>;
  loadMatrix(): Promise<void>;
  /** The matrix is stale (a host's listing, the registry, a deploy job): read it again, a few times a second at most. */
  refreshMatrixSoon(): void;
  /** A job event: jobs on a host and apply jobs change the matrix when they start or end. */
  receiveHostJob(job: Job): void;
  deployVersion(model: string, host: string): Promise<ActionResult<Job>>;
  openDeployDialog(model: string): void;
  closeDeployDialog(): void;
  openPlan(scope: PlanScope): Promise<void>;
  applyPlan(): Promise<void>;
  closePlan(): void;
}

/** At most this often (ms) the matrix is read again while events pour in. */
export const MATRIX_REFRESH_MS = 300;

export const deployKey = (model: string, host: string) => `${model}\n${host}`;

/** The Hosts page, "Deploy to…" and the plan dialog show the matrix; elsewhere, events leave it be. */
function showsMatrix(state: AppState): boolean {
  return state.page === 'hosts' || state.deployDialog !== null || state.plan.status !== 'closed';
}

export const createHostsSlice: SliceCreator<HostsSlice> = ({ client, window: win, now }) => (set, get) => {
  let timer: number | null = null;
  let inFlight = false;
  let again = false;
  let lastFetch = -Infinity;
  // A job's last seen state: progress ticks do not change the matrix, a start or an end does.
  const seenStates = new Map<string, Job['state']>();

  async function fetchMatrix(): Promise<void> {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    lastFetch = now();
    try {
      const result = await attempt(() => client.call('hosts.matrix', {}));
      if (result.ok) set({ matrix: { status: 'ready', value: result.value, error: null } });
      // A failed re-read keeps the matrix shown; only a first read shows the failure in its place.
      else set((s) => ({ matrix: { status: 'failed', value: s.matrix.value, error: result.error } }));
    } finally {
      inFlight = false;
    }
    if (again) {
      again = false;
      get().refreshMatrixSoon();
    }
  }

  /*
   * A call's answer lists the hosts as they were when it returned; a `hosts.changed` event that
   * arrived while the answer travelled is newer (a new host's first probe often is), so the answer
   * replaces the list only when no event came in between.
   */
  let hostsEvents = 0;
  const hostsCall = async (call: () => Promise<HostView[]>): Promise<ActionResult<HostView[]>> => {
    const seen = hostsEvents;
    const result = await attempt(call);
    if (result.ok) {
      if (hostsEvents === seen) set({ hosts: result.value, hostsError: null });
      get().refreshMatrixSoon();
    }
    return result;
  };

  return {
    hosts: null,
    hostsError: null,
    matrix: { status: 'idle', value: null, error: null },
    plan: { status: 'closed' },
    deployDialog: null,
    deployJobs: {},
    async loadHosts() {
      const seen = hostsEvents;
      const result = await attempt(() => client.call('hosts.list', {}));
      if (result.ok) {
        if (hostsEvents === seen) set({ hosts: result.value, hostsError: null });
      } else set({ hostsError: result.error });
    },
    receiveHosts(hosts) {
      hostsEvents += 1;
      set({ hosts, hostsError: null });
      get().refreshMatrixSoon();
    },
    async addHost(fields) {
      return hostsCall(() => client.call('hosts.add', fields));
    },
    async updateHost(fields) {
      return hostsCall(() => client.call('hosts.update', fields));
    },
    async removeHost(name) {
      return hostsCall(() => client.call('hosts.remove', { name }));
    },
    async setPrimaryHost(name) {
      return hostsCall(() => client.call('hosts.setPrimary', { name }));
    },
    async loadMatrix() {
      set((s) => ({ matrix: s.matrix.value ? s.matrix : { status: 'loading', value: null, error: null } }));
      await fetchMatrix();
    },
    refreshMatrixSoon() {
      // Nobody has looked at the matrix yet, or nothing shows it now: the next look reads it afresh.
      if (get().matrix.status === 'idle' || timer !== null || !showsMatrix(get())) return;
      const wait = Math.max(0, lastFetch + MATRIX_REFRESH_MS - now());
      timer = win.setTimeout(() => {
        timer = null;
        void fetchMatrix();
      }, wait);
    },
    receiveHostJob(job) {
      if (!job.host && job.kind !== 'apply') return;
      if (seenStates.get(job.id) === job.state) return;
      seenStates.set(job.id, job.state);
      get().refreshMatrixSoon();
    },
    async deployVersion(model, host) {
      const result = await attempt(() => client.call('deploy.version', { name: model, host }));
      if (result.ok) {
        set((s) => ({ deployJobs: { ...s.deployJobs, [deployKey(model, host)]: result.value.id } }));
        get().receiveJob(result.value, 'call');
        get().receiveHostJob(result.value);
      } else get().notifyError(`Could not deploy ${model} to ${host}`, result.error, `deploy:${model}:${host}`);
      return result;
    },
    openDeployDialog(model) {
      set({ deployDialog: { model } });
      void get().loadMatrix();
    },
    closeDeployDialog() {
      set({ deployDialog: null });
    },
    async openPlan(scope) {
      set({ plan: { status: 'loading', scope } });
      const input = { prune: scope.prune, ...(scope.host ? { hosts: [scope.host] } : {}) };
      const result = await attempt(() => client.call('deploy.plan', input));
      const current = get().plan;
      // Closed, or asked again (the prune box) while this one was computed.
      if (current.status !== 'loading' || current.scope !== scope) return;
      set({ plan: result.ok ? { status: 'ready', scope, plan: result.value, applying: false, error: null } : { status: 'failed', scope, error: result.error } });
    },
    async applyPlan() {
      const current = get().plan;
      if (current.status !== 'ready' || current.applying) return;
      set({ plan: { ...current, applying: true, error: null } });
      const { scope } = current;
      const result = await attempt(() => client.call('deploy.apply', { prune: scope.prune, ...(scope.host ? { hosts: [scope.host] } : {}) }));
      const job = result.ok ? result.value.job : null;
      if (job) {
        get().receiveJob(job, 'call');
        get().receiveHostJob(job);
      }
      // Closed meanwhile: the job runs on, on the Jobs page.
      const after = get().plan;
      if (after.status !== 'ready' || !after.applying) return;
      if (result.ok) set({ plan: { status: 'applied', scope, plan: result.value.plan, jobId: job?.id ?? null } });
      else set({ plan: { ...after, applying: false, error: result.error } });
    },
    closePlan() {
      set({ plan: { status: 'closed' } });
    },
  };
};
