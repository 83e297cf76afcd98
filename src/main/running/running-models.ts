import type { RunningModel } from '../../shared/contract';
import { AppError, toAppError } from '../../shared/errors';
import type { KeepAliveValue } from '../../shared/keep-alive';
import { modelNameProblem } from '../../shared/model-name';
import type { EventBus } from '../events';
import type { OllamaGateway } from '../ollama/types';

/**
 * Loading and unloading models, and telling every window what is in memory afterwards. After each
 * change /api/ps is asked once and its answer goes out as `running.changed`, so a status bar in
 * any window follows without polling faster.
 */

export interface RunningModels {
  load(model: string, keepAlive?: KeepAliveValue): Promise<RunningModel[] | null>;
  unload(model: string): Promise<RunningModel[] | null>;
  /** /api/ps now, announced; null when Ollama could not say. */
  refresh(): Promise<RunningModel[] | null>;
}

export function runningModels(deps: { bus: EventBus; gateway: () => OllamaGateway }): RunningModels {
  async function refresh(): Promise<RunningModel[] | null> {
    try {
      const list = await deps.gateway().running();
      deps.bus.emit('running.changed', list);
      return list;
    } catch {
      // The load or unload itself went through; what is loaded shows at the next refresh.
      return null;
    }
  }

  function checkName(model: string): void {
    const problem = modelNameProblem(model);
    if (problem) throw new AppError('validation', `Invalid model name "${model}": ${problem}`, [{ path: 'model', message: problem }]);
  }

  return {
    refresh,
    async load(model, keepAlive) {
      checkName(model);
      try {
        await deps.gateway().load(model, keepAlive);
      } catch (error) {
        throw explainLoadError(model, error);
      }
      return refresh();
    },
    async unload(model) {
      checkName(model);
      try {
        await deps.gateway().unload(model);
      } catch (error) {
        const appError = toAppError(error);
        // Not in Ollama at all: it is not in memory either, which is what was asked.
        if (appError.kind !== 'not_found') throw appError;
      }
      return refresh();
    },
  };
}

/** Ollama's 404 says only "model 'x' not found": say what to do about it. */
export function explainLoadError(model: string, error: unknown): AppError {
  const appError = toAppError(error);
  if (appError.kind === 'not_found') {
    return new AppError('not_found', `Ollama does not have ${model}, so it cannot be loaded. Create or pull it first.`);
  }
  return appError;
}
