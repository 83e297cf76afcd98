import { autoUpdate, flip, offset, shift, size, useFloating, type Placement } from '@floating-ui/react-dom';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Where floating things are drawn: the open modal dialog if the anchor is in one (everything else is
 * inert then), else the end of <body>, above every card and panel (no ancestor's stacking context
 * or overflow can cover or clip it).
 */
export function topLayerHost(anchor: Element | null): Element {
  return anchor?.closest('dialog[open]') ?? document.body;
}

interface AnchoredOptions {
  open: boolean;
  placement?: Placement;
}

/** Positions a floating element next to its anchor and keeps it there while things scroll or resize. */
export function useAnchored({ open, placement = 'bottom-end' }: AnchoredOptions) {
  const floating = useFloating({
    open,
    placement,
    strategy: 'fixed',
    middleware: [
      offset(4),
      flip({ padding: 8 }),
      shift({ padding: 8 }),
      // A long menu in a short window scrolls instead of running off the screen.
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(120, Math.floor(availableHeight))}px`;
        },
      }),
    ],
    whileElementsMounted: autoUpdate,
  });
  return floating;
}

interface TopLayerProps {
  anchor: Element | null;
  children: ReactNode;
}

/** Renders its children in the top layer (see topLayerHost). */
export function TopLayer({ anchor, children }: TopLayerProps) {
  return createPortal(children, topLayerHost(anchor));
}

/** Floating UI's style before the first measurement puts the element at 0,0: keep it invisible until placed. */
export function placedStyle(style: CSSProperties, isPositioned: boolean): CSSProperties {
  return isPositioned ? style : { ...style, visibility: 'hidden' };
}

/** Calls `onOutside` for a pointer press outside all the given elements (the trigger and the floating part). */
export function useOutsidePress(active: boolean, inside: () => (Element | null)[], onOutside: () => void): void {
  const latest = useRef({ inside, onOutside });
  useEffect(() => {
    latest.current = { inside, onOutside };
  });
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (latest.current.inside().some((element) => element?.contains(target))) return;
      latest.current.onOutside();
    };
    // Capture: a press on a control that stops propagation still closes the menu.
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [active]);
}
