import type { HostPlan, Plan, PlanAction } from '../../shared/deploy/plan-schema';

/** A plan as text for a terminal or a CI log: per host, what apply would do there, in order. */

const MARK: Record<PlanAction['kind'], string> = { pull: '+', create: '+', preload: '>', remove: '-' };

function actionLine(action: PlanAction): string {
  const what = `${MARK[action.kind]} ${action.kind.padEnd(7)} ${action.model}`;
  if (action.kind === 'create') return `${what}  (${action.reason})`;
  if (action.kind === 'pull') return `${what}  (${action.reason})`;
  return what;
}

function hostBlock(host: HostPlan): string[] {
  const title = `${host.host}${host.primary ? ' (primary)' : ''}`;
  if (!host.online) return [`${title}: not planned, ${host.message ?? 'it does not answer'}`];
  const lines = [`${title}: ${host.actions.length === 0 ? 'matches the registry' : `${host.actions.length} change${host.actions.length === 1 ? '' : 's'}`}`];
  for (const action of host.actions) lines.push(`  ${actionLine(action)}`);
  for (const skipped of host.skipped) lines.push(`  ! skipped ${skipped.model}: ${skipped.reason.split('\n').join(' ')}`);
  return lines;
}

export function planText(plan: Plan): string {
  const lines = plan.hosts.flatMap(hostBlock);
  const offline = plan.hosts.filter((h) => !h.online).map((h) => h.host);
  lines.push('');
  lines.push(plan.changes === 0 ? 'No changes: every host that answered matches the registry.' : `${plan.changes} change${plan.changes === 1 ? '' : 's'} in total${plan.prune ? ' (with --prune)' : ''}.`);
  if (offline.length > 0) lines.push(`Not answering: ${offline.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

/** Hosts that did not answer: the plan says nothing about them. */
export function offlineHosts(plan: Plan): string[] {
  return plan.hosts.filter((h) => !h.online).map((h) => h.host);
}
