import { modelKey } from '../../shared/model-name';
import { createJobKey, pullJobKey } from '../jobs/job-handlers';

/**
 * Job keys per host and model: two jobs with one key never run at once, so a model is built
 * once at a time on a host, while the same model builds on two hosts at once. The primary's
 * keys are today's (`create:<model>`), so a Create click and a deploy to the primary share a job.
 * `host` null: the primary.
 */
export function deployJobKey(host: string | null, name: string): string {
  return host === null ? createJobKey(name) : `create@${host}:${modelKey(name)}`;
}

export function hostPullJobKey(host: string | null, model: string): string {
  return host === null ? pullJobKey(model) : `pull@${host}:${modelKey(model)}`;
}

export function preloadJobKey(host: string | null, model: string): string {
  return `preload@${host ?? ''}:${modelKey(model)}`;
}

export function removeJobKey(host: string | null, model: string): string {
  return `delete@${host ?? ''}:${modelKey(model)}`;
}

export const APPLY_JOB_KEY = 'apply';
