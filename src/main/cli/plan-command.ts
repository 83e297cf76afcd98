import type { DeployCommandOptions } from './deploy-args';
import { withDeployServices } from './deploy-services';
import type { CliIo } from './cli-io';
import { offlineHosts, planText } from './plan-report';

/** Exit statuses of `plan` and `apply`, for CI (plan --exit-code mirrors terraform's -detailed-exitcode). */
export const DEPLOY_EXIT = { ok: 0, failed: 1, usage: 2, changes: 3 } as const;

/** `modelwright plan`: what apply would do on each host; changes nothing. */
export async function runPlanCommand(options: DeployCommandOptions, io: CliIo, cwd = process.cwd()): Promise<number> {
  return withDeployServices(options, io, cwd, async (services, hosts) => {
    const plan = await services.handlers['deploy.plan']({ prune: options.prune, ...(hosts ? { hosts } : {}) });
    io.out(options.json ? `${JSON.stringify(plan, null, 2)}\n` : planText(plan));
    const offline = offlineHosts(plan);
    if (offline.length > 0) {
      io.err(`modelwright plan: ${offline.join(', ')} did not answer, so the plan says nothing about ${offline.length === 1 ? 'it' : 'them'}.\n`);
      return DEPLOY_EXIT.failed;
    }
    return options.exitCode && plan.changes > 0 ? DEPLOY_EXIT.changes : DEPLOY_EXIT.ok;
  });
}
