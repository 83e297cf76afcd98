import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while the server renders the first page and while the browser hydrates it, true after
 * (and at once in a page the browser renders alone). For text the server cannot know, such as a
 * time in the browser's locale and time zone: hydration needs both sides to render the same.
 */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
