import type { HostPlan, PlanAction } from '../../../shared/deploy/plan-schema';

/** An action of a plan, in words: what it does and why ("Create bot-v2 — outdated: its Modelfile changed"). */
export interface ActionWords {
  verb: string;
  model: string;
  why: string;
}

/**
 * `detail` gives the matrix's own sentence for the model on that host (why it is outdated), when
 * the page has it; the plan only says which kind of reason.
 */
export function actionWords(action: PlanAction, detail: (model: string) => string | null = () => null): ActionWords {
  switch (action.kind) {
    case 'pull':
      return { verb: 'Pull', model: action.model, why: action.reason || 'a model here is built on it' };
    case 'create': {
      const said = detail(action.model);
      if (action.reason === 'missing') return { verb: 'Create', model: action.model, why: 'not on this host yet' };
      if (action.reason === 'outdated') return { verb: 'Create', model: action.model, why: `outdated: ${said ?? 'built from an older Modelfile or base'}` };
      return { verb: 'Rebuild', model: action.model, why: `unverified: ${said ?? 'on the host under this name, but not built there by Modelwright'}` };
    }
    case 'preload':
      return { verb: 'Preload', model: action.model, why: 'set to preload, and not loaded on this host' };
    case 'remove':
      return { verb: 'Remove', model: action.model, why: 'no longer in the registry (built here by Modelwright)' };
  }
}

/** "3 changes", "1 change". */
export function changesLabel(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}

/** The counts of a host's plan, as a short line: "2 to create · 1 to pull". */
export function hostPlanSummary(plan: HostPlan): string {
  if (!plan.online) return 'Offline: left out';
  if (plan.actions.length === 0) return 'Nothing to do';
  const counts = new Map<string, number>();
  const words: Record<PlanAction['kind'], string> = { pull: 'to pull', create: 'to create', preload: 'to preload', remove: 'to remove' };
  for (const action of plan.actions) counts.set(words[action.kind], (counts.get(words[action.kind]) ?? 0) + 1);
  return [...counts].map(([word, n]) => `${n} ${word}`).join(' · ');
}
