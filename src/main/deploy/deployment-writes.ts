import type { DeploymentRecord } from '../../shared/deploy/deployments';
import { recordDeployment } from '../registry/operations';
import type { RegistryStore } from '../registry/store';

/**
 * Deployment records written together: while one registry write is under way, the records that
 * arrive meanwhile wait and go out as the next single write. Each write takes the registry lock
 * and rewrites the file, so an apply finishing dozens of creates across hosts at once would
 * otherwise queue that many writes one after another. Every caller still learns when its record
 * is on disk (or why not).
 */
export class DeploymentWrites {
  private pending: { host: string; name: string; record: DeploymentRecord | null; done: (error?: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly store: () => RegistryStore) {}

  /** `record` null forgets the model on that host. */
  write(host: string, name: string, record: DeploymentRecord | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ host, name, record, done: (error) => (error === undefined ? resolve() : reject(error)) });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await this.store().update((draft) => {
          for (const item of batch) recordDeployment(draft, item.host, item.name, item.record);
        });
        for (const item of batch) item.done();
      } catch (error) {
        for (const item of batch) item.done(error ?? new Error('the registry write failed'));
      }
    }
    this.writing = false;
  }
}
