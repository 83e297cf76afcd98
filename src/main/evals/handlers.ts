import type { Handlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';

type EvalHandlers = Pick<Handlers, 'evals.sets' | 'evals.readSet' | 'evals.saveSet' | 'evals.newSet' | 'evals.start' | 'evals.runs' | 'evals.readRun'>;

// Scaffolding while issue 11's services are built: every call answers a clear error.
const notYet = (): Promise<never> => Promise.reject(new AppError('internal', 'Evaluations are not available in this build yet.'));

export function evalHandlers(): EvalHandlers {
  return {
    'evals.sets': notYet,
    'evals.readSet': notYet,
    'evals.saveSet': notYet,
    'evals.newSet': notYet,
    'evals.start': notYet,
    'evals.runs': notYet,
    'evals.readRun': notYet,
  };
}
