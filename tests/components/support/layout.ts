import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom does no layout: every element is 0×0, so a virtual list would show nothing. This gives
 * elements a viewport-like size for the tests in the calling file.
 */
export function useFakeLayout(size: { width: number; height: number }): void {
  const originals = new Map<string, PropertyDescriptor | undefined>();
  beforeEach(() => {
    for (const [prop, value] of [
      ['clientWidth', size.width],
      ['clientHeight', size.height],
    ] as const) {
      originals.set(prop, Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop));
      Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
    }
  });
  afterEach(() => {
    for (const [prop, descriptor] of originals) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, prop, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[prop];
    }
  });
}
