import type { Handlers } from '../../shared/contract';
import { toAppError } from '../../shared/errors';
import { isFinished, type Job } from '../../shared/jobs';
import type { EventBus } from '../events';
import { invokeCall } from '../rpc/invoke-call';
import { pathPattern } from './path-pattern';
import { sendDetail, sendJson } from './responses';
import type { Route } from './route';

/**
 * The seed's `POST /admin/models/create/{name}`: builds the model and answers when it is done,
 * 200 `{"status":"success","message":"Model <name> created successfully"}`, or 400 `{"detail":…}`
 * with the reason (Ollama's message, the Modelfile's errors). Unknown names are 404. With
 * `?wait=false` it answers 202 `{"status":"accepted","job_id":…}` at once. A client that hangs up
 * does not stop the build, as leaving a page in the app does not.
 */

/** Resolves with the job once finished: from `job.updated` events, or at once if already over. */
function finishedJob(handlers: Handlers, bus: EventBus, id: string, log: (line: string) => void): Promise<Job> {
  return new Promise((resolve, reject) => {
    const unsubscribe = bus.subscribe((event, payload) => {
      if (event !== 'job.updated') return;
      const job = payload as Job;
      if (job.id === id && isFinished(job.state)) {
        unsubscribe();
        resolve(job);
      }
    });
    // Subscribed first, then asked: a job that ended in between is not missed.
    invokeCall(handlers, 'jobs.get', { id }, log).then(
      (job) => {
        if (!isFinished(job.state)) return;
        unsubscribe();
        resolve(job);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function adminCreateRoute(handlers: Handlers, bus: EventBus): Route {
  return {
    method: 'POST',
    path: pathPattern('/admin/models/create/{name...}'),
    auth: 'token',
    async handle({ req, res, params, query, log }) {
      req.resume(); // the seed's route takes no body; whatever came is read and dropped
      const name = params.name ?? '';
      const failed = (reason: string): void => sendDetail(res, 400, `Failed to create model ${name}: ${reason}`);
      let job: Job;
      try {
        job = await invokeCall(handlers, 'models.create', { name }, log);
      } catch (error) {
        const appError = toAppError(error);
        if (appError.kind === 'not_found') sendDetail(res, 404, `Model ${name} not found`);
        else failed(appError.message);
        return;
      }
      if (query.get('wait') === 'false') {
        sendJson(res, 202, { status: 'accepted', job_id: job.id });
        return;
      }
      let final: Job;
      try {
        final = await finishedJob(handlers, bus, job.id, log);
      } catch (error) {
        failed(toAppError(error).message);
        return;
      }
      if (final.state === 'succeeded') sendJson(res, 200, { status: 'success', message: `Model ${name} created successfully` });
      else failed(final.error ?? (final.state === 'cancelled' ? 'the build was cancelled' : `the build ended ${final.state}`));
    },
  };
}
