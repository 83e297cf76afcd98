import type { z } from 'zod';
import { AppError, validationError } from '../../shared/errors';
import { modelNameProblem, sameModel } from '../../shared/model-name';
import type { ModelEntry, ModelPatch, ModelStatus, Registry } from '../../shared/registry';
import { modelPatchSchema, newModelSchema, timestamp } from '../../shared/registry';
import { resolveModelfilePath } from '../workspace/paths';
import { deleteOwn, hasOwnKey, ownValue, setOwn } from '../../shared/own-key';
import type { DeploymentRecord } from '../../shared/deploy/deployments';

/**
 * The registry changes the API offers, applied to a draft inside `RegistryStore.update`. Names
 * are record keys: nothing here builds a dotted key path from a name.
 */

export interface OperationContext {
  workspaceDir: string;
  now: Date;
}

export type NewModelInput = z.input<typeof newModelSchema>;
export type ModelPatchInput = z.input<typeof modelPatchSchema>;

/** The key under which `name` is stored: the exact key, else one naming the same model (`llama3` = `llama3:latest`). */
export function findModelKey(registry: Registry, name: string): string | undefined {
  if (hasOwnKey(registry.models, name)) return name;
  return Object.keys(registry.models).find((key) => sameModel(key, name));
}

function requireModel(registry: Registry, name: string): { key: string; entry: ModelEntry } {
  const key = findModelKey(registry, name);
  const entry = key === undefined ? undefined : ownValue(registry.models, key);
  if (key === undefined || entry === undefined) {
    throw new AppError('not_found', `There is no model named "${name}" in the registry.`);
  }
  return { key, entry };
}

function checkModelfile(workspaceDir: string, modelfile: string): void {
  resolveModelfilePath(workspaceDir, modelfile);
}

export function addModel(draft: Registry, input: NewModelInput, ctx: OperationContext): ModelEntry {
  const parsed = newModelSchema.safeParse(input);
  if (!parsed.success) throw validationError('model', parsed.error);
  const fields = parsed.data;

  const problem = modelNameProblem(fields.name);
  if (problem) throw new AppError('validation', `Invalid model name "${fields.name}": ${problem}`, [{ path: 'name', message: problem }]);
  const existing = findModelKey(draft, fields.name);
  if (existing !== undefined) {
    const same = existing === fields.name ? '' : ` (as "${existing}")`;
    throw new AppError('conflict', `A model named "${fields.name}" is already in the registry${same}.`, [
      { path: 'name', message: 'already exists' },
    ]);
  }
  checkModelfile(ctx.workspaceDir, fields.modelfile);

  const stamp = timestamp(ctx.now);
  // A new entry is declared, not built: its status and times are ours to set.
  const entry: ModelEntry = { ...fields, status: 'pending', created_at: stamp, last_updated: stamp };
  setOwn(draft.models, fields.name, entry);
  return entry;
}

export function updateModel(draft: Registry, name: string, patch: ModelPatchInput, ctx: OperationContext): ModelEntry {
  const parsed = modelPatchSchema.safeParse(patch);
  if (!parsed.success) throw validationError('change', parsed.error);
  const { key, entry } = requireModel(draft, name);
  const changes: ModelPatch = parsed.data;
  if (changes.modelfile !== undefined) checkModelfile(ctx.workspaceDir, changes.modelfile);
  const next: ModelEntry = { ...entry, ...changes, last_updated: timestamp(ctx.now) };
  // No quantize is no key, not an empty one: the file stays as it was before one was chosen.
  if (next.quantize === '') delete next.quantize;
  setOwn(draft.models, key, next);
  return next;
}

export function setDefaultModel(draft: Registry, name: string | null): void {
  draft.default_model = name === null ? null : requireModel(draft, name).key;
}

/** For jobs: a model's status, with the reason of a failure or the provenance of a build. */
export function setModelStatus(
  draft: Registry,
  name: string,
  status: ModelStatus,
  fields: Partial<Pick<ModelEntry, 'failure_reason' | 'build'>>,
  ctx: OperationContext,
): ModelEntry {
  const { key, entry } = requireModel(draft, name);
  const next: ModelEntry = { ...entry, ...fields, status, last_updated: timestamp(ctx.now) };
  if (status !== 'failed' && fields.failure_reason === undefined) delete next.failure_reason;
  setOwn(draft.models, key, next);
  return next;
}

/**
 * What a deploy built on a host, under the top-level `deployments` key (host → model → record);
 * null forgets it (the model was removed from the host). The key is the registry's own name.
 */
export function recordDeployment(draft: Registry, host: string, name: string, record: DeploymentRecord | null): void {
  const deployments: Record<string, Record<string, DeploymentRecord>> = draft.deployments ?? {};
  const current = ownValue(deployments, host);
  const records: Record<string, DeploymentRecord> = { ...current };
  const existing = Object.keys(records).find((key) => sameModel(key, name));
  if (record === null) {
    if (existing !== undefined) deleteOwn(records, existing);
  } else setOwn(records, existing ?? name, record);
  if (Object.keys(records).length > 0) setOwn(deployments, host, records);
  else deleteOwn(deployments, host);
  if (Object.keys(deployments).length > 0) draft.deployments = deployments;
  else delete draft.deployments;
}
