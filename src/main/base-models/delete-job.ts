import { AppError, toAppError } from '../../shared/errors';
import { modelKey } from '../../shared/model-name';
import type { JobRunner } from '../jobs/job-manager';
import type { OllamaGateway } from '../ollama/types';

/**
 * A model deleted from Ollama as a job, so it has a record with its outcome and log like a pull.
 * The registry is not touched: the sync that follows marks a listed base model missing, and the
 * entry stays until the user removes it from the list. If Ollama goes away mid-way the job fails
 * with the reason and nothing is half-written here.
 */

export function deleteJobKey(model: string): string {
  return `delete:${modelKey(model)}`;
}

export function deleteJobRunner(deps: { gateway: OllamaGateway; onSettled?: () => void }, model: string): JobRunner {
  return async (ctx) => {
    try {
      ctx.report({ status: `deleting ${model}` });
      await deps.gateway.delete(model, { signal: ctx.signal });
      ctx.log(`Ollama deleted ${model} and the layers no other model uses.`);
      ctx.report({ status: 'success' });
    } catch (error) {
      const appError = toAppError(error);
      if (appError.kind === 'not_found') {
        throw new AppError('not_found', `Ollama does not have ${model}, so there was nothing to delete (${appError.message}).`);
      }
      throw appError;
    } finally {
      deps.onSettled?.();
    }
  };
}
