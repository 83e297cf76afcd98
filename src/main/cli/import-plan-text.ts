import type { ImportOutcome, ImportSelection } from '../../shared/import-apply';
import type { ImportItem, ImportPlan } from '../../shared/import-plan';

/**
 * The import preview for a terminal: each entry with what importing would do to it, the
 * changes field by field, and which of them this run applies (new entries always; changes only
 * with --overwrite and the default only with --make-default, as the app's dialog ticks them).
 */

const MARKS = { add: '+ add', change: '~ change', same: '= same', invalid: '! invalid' } as const;

function brief(value: unknown): string {
  const text = value === undefined || value === null ? 'nothing' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function itemLines(item: ImportItem, applied: boolean): string[] {
  const kind = item.kind === 'base_model' ? 'base model ' : '';
  const label = item.label !== item.name ? ` (${item.label})` : '';
  const skip = (item.action === 'add' || item.action === 'change') && !applied ? '   [not applied: give --overwrite]' : '';
  const lines = [`  ${MARKS[item.action].padEnd(9)} ${kind}${item.name}${label}${skip}`];
  for (const change of item.changes) lines.push(`              ${change.field}: ${brief(change.before)} → ${brief(change.after)}`);
  if (item.problem) lines.push(`              ${item.problem}`);
  for (const warning of item.warnings) lines.push(`              note: ${warning}`);
  return lines;
}

export function importPlanText(plan: ImportPlan, selection: ImportSelection, target: string): string {
  const picked = new Set([...selection.models.map((p) => `model:${p.name}`), ...selection.baseModels.map((p) => `base_model:${p.name}`)]);
  const { counts } = plan;
  const lines = [`Import plan for ${plan.fileName} into ${target}: ${counts.add} to add, ${counts.change} to change, ${counts.same} the same, ${counts.invalid} invalid`];
  for (const item of [...plan.models, ...plan.baseModels]) lines.push(...itemLines(item, picked.has(`${item.kind}:${item.name}`)));
  const d = plan.defaultModel;
  if (d.action === 'change') {
    lines.push(`  default model: ${d.current ?? 'none'} → ${d.imported ?? 'none'}${selection.defaultModel ? '' : '   [not applied: give --make-default]'}`);
  }
  return `${lines.join('\n')}\n`;
}

export function importOutcomeText(outcome: ImportOutcome): string {
  const lines: string[] = [];
  lines.push(outcome.added.length > 0 ? `Added ${outcome.added.join(', ')}.` : 'Added nothing.');
  if (outcome.changed.length > 0) lines.push(`Changed ${outcome.changed.join(', ')}.`);
  if (outcome.defaultChanged) lines.push(`The default model is now ${outcome.defaultModel ?? 'none'}.`);
  for (const s of outcome.skipped) lines.push(`Skipped ${s.name}: ${s.reason}`);
  return `${lines.join('\n')}\n`;
}
