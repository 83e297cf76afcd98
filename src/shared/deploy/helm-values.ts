import { Document } from 'yaml';
import type { Registry } from '../registry';
import type { DesiredBuild, HostState } from './model-state';
import { planDeployment } from './plan-deployment';

/**
 * The registry's versions as values for the Ollama Helm chart (otwld/ollama-helm):
 * `ollama.models.pull` (the bases), `ollama.models.create` (name + Modelfile text inline) and
 * `ollama.models.run` (the auto_preload models), in the order a plan for an empty host would
 * run them, so a cluster gets the same versions through the engine it already runs.
 *
 * What a values file cannot carry is left out with a warning: models built from local weight
 * files, Modelfiles with problems, and Modelfiles the chart's start-up script would change (it
 * writes the text with an unquoted shell here-document, so `$`, backquotes and backslashes are
 * expanded and a line `EOF` ends it).
 */

export interface HelmModelSource {
  /** The Modelfile as it is in the workspace. */
  text: string;
  /** It builds from local files (weights, adapters), which exist only on this machine. */
  localFiles: boolean;
}

export interface HelmValues {
  ollama: { models: { pull: string[]; create: { name: string; template: string }[]; run: string[] } };
}

export interface HelmExport {
  values: HelmValues;
  /** The values as YAML, with a header saying where they come from. */
  text: string;
  warnings: string[];
}

/** What the chart's `cat <<EOF` would alter. */
export function shellHazard(text: string): string | null {
  if (/^EOF$/m.test(text)) return 'a line "EOF" would end the text early';
  if (/[$`\\]/.test(text)) return 'the chart\'s start-up script would expand its "$", "`" or "\\" characters';
  return null;
}

const CLUSTER: HostState = { name: 'cluster', primary: false, online: true, message: null, models: [], running: [] };

export function helmValues(input: { registry: Registry; desired: ReadonlyMap<string, DesiredBuild>; sources: ReadonlyMap<string, HelmModelSource>; source?: string }): HelmExport {
  const warnings: string[] = [];
  const desired = new Map<string, DesiredBuild>();
  for (const name of Object.keys(input.registry.models)) {
    const build = input.desired.get(name);
    const source = input.sources.get(name);
    const hazard = source ? shellHazard(source.text) : null;
    if (!build || !build.ok || !source) desired.set(name, build && !build.ok ? build : { ok: false, reason: 'Its Modelfile could not be read.' });
    else if (source.localFiles) desired.set(name, { ok: false, reason: 'It builds from local files, which a values file cannot carry; push it to a registry and pull it instead.' });
    else if (hazard) desired.set(name, { ok: false, reason: `Its Modelfile cannot go inline: ${hazard}.` });
    else desired.set(name, build);
  }
  const plan = planDeployment({ registry: input.registry, desired, hosts: [CLUSTER], prune: false, createdAt: '' });
  const host = plan.hosts[0]!;
  for (const skipped of host.skipped) warnings.push(`${skipped.model} is left out: ${skipped.reason.split('\n')[0]}`);
  const values: HelmValues = {
    ollama: {
      models: {
        pull: host.actions.filter((a) => a.kind === 'pull').map((a) => a.model),
        create: host.actions.filter((a) => a.kind === 'create').map((a) => ({ name: a.model, template: input.sources.get(a.model)?.text ?? '' })),
        run: host.actions.filter((a) => a.kind === 'preload').map((a) => a.model),
      },
    },
  };
  const doc = new Document(values);
  doc.commentBefore = [
    ` Ollama Helm chart values (otwld/ollama-helm: ollama.models), written by "modelwright export --helm"${input.source ? ` from ${input.source}` : ''}.`,
    ' Bases to pull, then each version created from its Modelfile (inline), then the models to load.',
    ' Use with: helm upgrade --install ollama otwld/ollama -f this-file.yaml',
  ].join('\n');
  return { values, text: doc.toString({ lineWidth: 0 }), warnings };
}
