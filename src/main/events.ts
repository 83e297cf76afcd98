import type { EventName, EventPayload } from '../shared/contract';

type Listener = (event: EventName, payload: unknown) => void;

/** Main-side event bus: services publish contract events, transports forward them. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // One broken transport must not stop events reaching the others.
      }
    }
  }

  /** Receives every event; returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
