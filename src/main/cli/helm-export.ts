import fs from 'node:fs';
import path from 'node:path';
import { helmValues, type HelmModelSource } from '../../shared/deploy/helm-values';
import { decodeModelfile } from '../../shared/modelfile';
import { toDesiredBuild } from '../deploy/desired-request';
import { DesiredRequests } from '../deploy/desired-requests';
import { WeightHashes } from '../deploy/weight-hashes';
import type { WorkspaceSession } from '../services/workspace-session';
import { resolveModelfilePath } from '../workspace/paths';

/**
 * `modelwright export --helm [--out FILE]`: the registry's versions as Ollama Helm chart values
 * (see shared/deploy/helm-values.ts). For the export command to call with its open workspace;
 * returns the YAML and the warnings, and writes FILE when given.
 */
export async function exportHelmValues(session: WorkspaceSession, out: string | null): Promise<{ text: string; warnings: string[] }> {
  const registry = session.store.get().registry;
  const desired = await new DesiredRequests(new WeightHashes()).all(registry, session.dir);
  const sources = new Map<string, HelmModelSource>();
  for (const [name, request] of desired) {
    if (!request.ok) continue;
    const modelfile = registry.models[name]?.modelfile ?? '';
    try {
      sources.set(name, { text: decodeModelfile(fs.readFileSync(resolveModelfilePath(session.dir, modelfile))), localFiles: request.uploads.length > 0 });
    } catch {
      // Unreadable since it was prepared: left out, with the plan's warning.
    }
  }
  const builds = new Map([...desired].map(([name, request]) => [name, toDesiredBuild(request)] as const));
  const result = helmValues({ registry, desired: builds, sources, source: session.dir });
  if (out !== null) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, result.text);
  }
  return { text: result.text, warnings: result.warnings };
}
