import type { Fault } from './types';

/** Endpoints that answer with NDJSON streams: the only ones a mid-stream fault without a path picks. */
export const STREAMING_PATHS: ReadonlySet<string> = new Set(['/api/chat', '/api/generate', '/api/pull', '/api/create', '/api/push']);

function isMidStream(fault: Fault): boolean {
  return fault.kind === 'fail-mid-stream' || fault.kind === 'garbage' || ((fault.kind === 'hang' || fault.kind === 'drop') && fault.afterLines !== undefined);
}

function applies(fault: Fault, path: string, method: string): boolean {
  if (fault.method !== undefined && fault.method !== method) return false;
  if (fault.path !== undefined) return fault.path.endsWith('/') ? path.startsWith(fault.path) : fault.path === path;
  return isMidStream(fault) ? STREAMING_PATHS.has(path) : true;
}

/** Faults queued by tests; each is used by the next request it applies to, in order. */
export class FaultQueue {
  private queue: Fault[] = [];

  add(fault: Fault): void {
    this.queue.push(fault.kind === 'fail' ? { ...fault, times: fault.times ?? 1 } : { ...fault });
  }

  /** The fault for a `method` request to `path`, removed from the queue (a `fail` stays until used `times` times). */
  take(path: string, method = 'GET'): Fault | undefined {
    const index = this.queue.findIndex((fault) => applies(fault, path, method));
    if (index < 0) return undefined;
    const fault = this.queue[index];
    if (!fault) return undefined;
    if (fault.kind === 'fail' && (fault.times ?? 1) > 1) {
      this.queue[index] = { ...fault, times: (fault.times ?? 1) - 1 };
    } else {
      this.queue.splice(index, 1);
    }
    return fault;
  }

  pending(): Fault[] {
    return [...this.queue];
  }

  clear(): void {
    this.queue = [];
  }
}

export function isMidStreamFault(fault: Fault | undefined): boolean {
  return fault !== undefined && isMidStream(fault);
}
