import { AppError, type ErrorKind } from '../../shared/errors';
import type { HostPlan, Plan, PlanAction } from '../../shared/deploy/plan-schema';
import type { Job } from '../../shared/jobs';
import { modelKey } from '../../shared/model-name';
import type { JobManager, JobRunner } from '../jobs/job-manager';

/**
 * A plan run as one `apply` job whose actions are jobs of their own: hosts in parallel, at most
 * `perHost` actions at a time on each, an action started only once what it needs is done (a
 * create after the pull of its base or the create of the registry model it is built on, a
 * preload after its create). A failed action skips what needs it and lets everything else,
 * and every other host, finish; the apply then fails with a summary. Cancel stops what has not
 * started and cancels what runs.
 */

export interface ApplyJobDeps {
  jobs: JobManager;
  /** Starts the job for one action (or hands back the one already under way for it). */
  startAction: (host: HostPlan, action: PlanAction) => Job;
  /** The model a registry model's create builds on (`from`), null for local weights. */
  fromOf: (model: string) => string | null;
  /** After a host's last action (refresh its listing). */
  afterHost?: (host: string) => Promise<void>;
  perHost?: number;
}

export const ACTIONS_PER_HOST = 2;

type ActionState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';

interface Failure {
  host: string;
  action: PlanAction;
  reason: string;
  kind: ErrorKind | null;
}

/** Indices of the actions each action waits for, on one host. */
export function actionDependencies(actions: readonly PlanAction[], fromOf: (model: string) => string | null): number[][] {
  const indexOf = (kind: PlanAction['kind'], model: string) => actions.findIndex((a) => a.kind === kind && modelKey(a.model) === modelKey(model));
  return actions.map((action) => {
    if (action.kind === 'preload') return [indexOf('create', action.model)].filter((i) => i >= 0);
    if (action.kind !== 'create') return [];
    const from = fromOf(action.model);
    if (from === null) return [];
    return [indexOf('pull', from), indexOf('create', from)].filter((i) => i >= 0);
  });
}

export function describeAction(action: PlanAction): string {
  return `${action.kind} ${action.model}`;
}

export function applyJobRunner(deps: ApplyJobDeps, plan: Plan): JobRunner {
  return async (ctx) => {
    const total = plan.changes;
    let settled = 0;
    const failures: Failure[] = [];
    const children = new Set<string>();
    const tick = () => ctx.progress(`${settled} of ${total} actions`, settled, total);
    tick();
    const onAbort = () => {
      for (const id of children) void deps.jobs.cancel(id).catch(() => undefined);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });

    const runHost = async (host: HostPlan): Promise<void> => {
      const { actions } = host;
      const needs = actionDependencies(actions, deps.fromOf);
      const states: ActionState[] = actions.map(() => 'waiting');
      const running = new Map<number, Promise<void>>();
      const limit = deps.perHost ?? ACTIONS_PER_HOST;
      const finish = (i: number, state: ActionState) => {
        states[i] = state;
        settled++;
        tick();
      };
      for (;;) {
        if (ctx.signal.aborted) break;
        // What can never run (something it needs failed) is skipped, and says why.
        for (let i = 0; i < actions.length; i++) {
          if (states[i] !== 'waiting') continue;
          const blocker = needs[i]!.find((j) => states[j] === 'failed' || states[j] === 'skipped');
          if (blocker === undefined) continue;
          ctx.log(`${host.host}: skipped ${describeAction(actions[i]!)}, since ${describeAction(actions[blocker]!)} did not succeed.`);
          finish(i, 'skipped');
        }
        for (let i = 0; i < actions.length && running.size < limit; i++) {
          if (states[i] !== 'waiting' || !needs[i]!.every((j) => states[j] === 'done')) continue;
          states[i] = 'running';
          const action = actions[i]!;
          const job = deps.startAction(host, action);
          children.add(job.id);
          running.set(
            i,
            deps.jobs.whenDone(job.id).then((final) => {
              children.delete(job.id);
              running.delete(i);
              if (final.state === 'succeeded') {
                ctx.log(`${host.host}: ${describeAction(action)} done.`);
                finish(i, 'done');
                return;
              }
              const reason = final.state === 'failed' ? (final.error ?? 'failed') : final.state;
              ctx.log(`${host.host}: ${describeAction(action)} ${final.state}: ${reason}`);
              if (!ctx.signal.aborted) failures.push({ host: host.host, action, reason, kind: final.errorKind ?? null });
              finish(i, 'failed');
            }),
          );
        }
        if (running.size === 0) break;
        await Promise.race(running.values());
      }
      await Promise.all(running.values());
      await deps.afterHost?.(host.host).catch(() => undefined);
    };

    try {
      await Promise.all(plan.hosts.filter((host) => host.actions.length > 0).map(runHost));
    } finally {
      ctx.signal.removeEventListener('abort', onAbort);
    }
    if (ctx.signal.aborted) throw new AppError('cancelled', 'Cancelled');
    if (failures.length > 0) {
      const lines = failures.map((f) => `${f.host}: ${describeAction(f.action)}: ${f.reason}`);
      const skipped = total - settled;
      throw new AppError(
        failures[0]?.kind ?? 'ollama',
        `${failures.length} of ${total} actions failed${skipped > 0 ? ` (${skipped} not run)` : ''}; the others finished:\n${lines.join('\n')}`,
      );
    }
  };
}
