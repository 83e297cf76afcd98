import type { JobManager } from '../jobs/job-manager';
import type { OllamaGateway } from '../ollama/types';
import type { WorkspaceSession } from '../services/workspace-session';

/** What the model operations (new version, rename, delete, adopt) need from the app's services. */
export interface ModelOpsDeps {
  session: () => WorkspaceSession;
  gateway: () => OllamaGateway;
  /** To refuse changing a model while its create job runs. */
  jobs: JobManager;
}
