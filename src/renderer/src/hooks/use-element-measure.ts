import { useCallback, useSyncExternalStore } from 'react';

/**
 * A layout number of an element (its width, its offset), kept current as the element resizes.
 * `read` must be a stable function; it is called during render, so keep it to one property read.
 */
export function useElementMeasure(element: HTMLElement | null, read: (element: HTMLElement) => number): number {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!element) return () => {};
      const view = element.ownerDocument.defaultView;
      view?.addEventListener('resize', onChange);
      // jsdom and very old engines have no ResizeObserver: window resizes still update.
      const observer = view && 'ResizeObserver' in view ? new view.ResizeObserver(onChange) : null;
      observer?.observe(element);
      return () => {
        view?.removeEventListener('resize', onChange);
        observer?.disconnect();
      };
    },
    [element],
  );
  const getSnapshot = () => (element ? read(element) : 0);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

export const readClientWidth = (element: HTMLElement) => element.clientWidth;
export const readOffsetTop = (element: HTMLElement) => element.offsetTop;
