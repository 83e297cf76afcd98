import { useEffect, useRef, type RefObject } from 'react';

/** How close to the end counts as "reading the end" (a few lines). */
const NEAR_BOTTOM_PX = 48;

function scrollToEnd(el: HTMLElement): void {
  el.scrollTop = el.scrollHeight;
}

function isNearEnd(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
}

/**
 * Keeps a scroll container at its end while its content grows (a reply streaming), unless the
 * user scrolled up to read: then it stays where they are until they come back down.
 */
export function useStickToBottom(): { scroller: RefObject<HTMLDivElement | null>; content: RefObject<HTMLDivElement | null> } {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    const inner = content.current;
    if (!el || !inner) return;
    let stuck = true;
    const onScroll = () => {
      stuck = isNearEnd(el);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    scrollToEnd(el);
    // jsdom (tests) has no ResizeObserver; there is nothing to scroll there anyway.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (stuck) scrollToEnd(el);
          });
    observer?.observe(inner);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);
  return { scroller, content };
}
