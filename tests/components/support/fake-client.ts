import type { ApiClient, CallInput, CallName, CallOutput, EventName, EventPayload } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/errors';

type Handler<K extends CallName> = (input: CallInput<K>) => CallOutput<K> | Promise<CallOutput<K>>;
export type Handlers = { [K in CallName]?: Handler<K> };

/** An ApiClient whose answers a test sets per call, recording every call and able to push events. */
export class FakeClient implements ApiClient {
  readonly log: { name: CallName; input: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  constructor(public handlers: Handlers = {}) {}

  async call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    this.log.push({ name, input });
    const handler = this.handlers[name] as Handler<K> | undefined;
    if (!handler) throw new AppError('internal', `The fake client has no answer for "${name}"`);
    return handler(input);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    const entry = listener as (payload: unknown) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  callsTo(name: CallName): unknown[] {
    return this.log.filter((entry) => entry.name === name).map((entry) => entry.input);
  }
}
