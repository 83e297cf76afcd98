import cliProgress from 'cli-progress';
import type { Job } from '../../shared/jobs';
import type { DeployCommandOptions } from './deploy-args';
import { withDeployServices } from './deploy-services';
import type { CliIo } from './cli-io';
import { DEPLOY_EXIT } from './plan-command';
import { offlineHosts, planText } from './plan-report';

/**
 * `modelwright apply`: shows the plan, asks (unless --yes; without a terminal it stops at the
 * plan), then runs a fresh plan as the app's apply job, with a progress bar on a terminal and
 * one line per finished action otherwise. Ctrl-C cancels the apply.
 */

export async function runApplyCommand(options: DeployCommandOptions, io: CliIo, cwd = process.cwd()): Promise<number> {
  return withDeployServices(options, io, cwd, async (services, hosts) => {
    const input = { prune: options.prune, ...(hosts ? { hosts } : {}) };
    if (!options.yes) {
      const preview = await services.handlers['deploy.plan'](input);
      if (preview.changes === 0) {
        io.out(options.json ? `${JSON.stringify({ plan: preview, job: null }, null, 2)}\n` : planText(preview));
        return offlineHosts(preview).length > 0 ? DEPLOY_EXIT.failed : DEPLOY_EXIT.ok;
      }
      io.out(options.json ? `${JSON.stringify({ plan: preview, job: null }, null, 2)}\n` : planText(preview));
      if (!io.stdinIsTty || !io.prompt) {
        io.err('modelwright apply: nothing was applied. Add --yes to apply without asking (there is no terminal to ask on).\n');
        return DEPLOY_EXIT.usage;
      }
      const answer = await io.prompt(`Apply ${preview.changes} change${preview.changes === 1 ? '' : 's'}? [y/N] `);
      if (!/^\s*y(es)?\s*$/i.test(answer)) {
        io.err('Nothing was applied.\n');
        return DEPLOY_EXIT.failed;
      }
    }

    const result = await services.handlers['deploy.apply'](input);
    const offline = offlineHosts(result.plan);
    if (!result.job) {
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : planText(result.plan));
      return offline.length > 0 ? DEPLOY_EXIT.failed : DEPLOY_EXIT.ok;
    }
    if (!options.json && options.yes) io.out(planText(result.plan));
    const id = result.job.id;
    const stop = showProgress(io, services.bus.subscribe.bind(services.bus), id, result.plan.changes);
    io.onInterrupt?.(() => void services.jobs.cancel(id));
    const job = await services.jobs.whenDone(id);
    io.onInterrupt?.(null);
    stop(job);

    if (options.json) io.out(`${JSON.stringify({ plan: result.plan, job }, null, 2)}\n`);
    else if (job.state === 'succeeded') io.out(`Applied ${result.plan.changes} change${result.plan.changes === 1 ? '' : 's'}.\n`);
    if (job.state !== 'succeeded') io.err(`modelwright apply: ${job.state === 'cancelled' ? 'cancelled; what had finished stays' : (job.error ?? 'failed')}\n`);
    if (offline.length > 0) io.err(`modelwright apply: ${offline.join(', ')} did not answer and ${offline.length === 1 ? 'was' : 'were'} left as ${offline.length === 1 ? 'it was' : 'they were'}.\n`);
    return job.state === 'succeeded' && offline.length === 0 ? DEPLOY_EXIT.ok : DEPLOY_EXIT.failed;
  });
}

type Subscribe = (listener: (event: string, payload: unknown) => void) => () => void;

/** A bar on a terminal; otherwise each new log line of the apply job (one per finished action). */
function showProgress(io: CliIo, subscribe: Subscribe, id: string, total: number): (job: Job) => void {
  const bar = io.errIsTty ? new cliProgress.SingleBar({ stream: process.stderr, format: 'Applying [{bar}] {value}/{total} actions', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total, 0);
  let printed = 0;
  const show = (job: Job) => {
    if (bar) bar.update(job.progress?.completed ?? 0);
    else {
      for (const line of job.log.slice(printed)) io.err(`${line}\n`);
      printed = job.log.length;
    }
  };
  const unsubscribe = subscribe((event, payload) => {
    if (event === 'job.updated' && (payload as Job).id === id) show(payload as Job);
  });
  return (job) => {
    unsubscribe();
    show(job);
    bar?.stop();
  };
}
