import { z } from 'zod';

/**
 * Where the main window opens: where it was last time, unless that place is gone (a monitor
 * unplugged, a resolution lowered, a file edited by hand). Pure: the displays' work areas come in
 * as data (the primary first), so every case is a unit test.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const savedWindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

export interface WindowSizes {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** No position means "let the OS place it" (centred on the primary display). */
export interface RestoredWindow {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

/** How much of the window must lie on a display to count as still there: a title bar's grip. */
const MIN_VISIBLE = { width: 120, height: 60 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), Math.max(low, high));

export function restoreWindow(saved: unknown, workAreas: readonly Rect[], sizes: WindowSizes): RestoredWindow {
  const fallback: RestoredWindow = { bounds: { width: sizes.width, height: sizes.height }, maximized: false };
  const parsed = savedWindowStateSchema.safeParse(saved);
  const primary = workAreas[0];
  if (!parsed.success || !primary) {
    if (!primary) return fallback;
    return { bounds: fitSize(sizes.width, sizes.height, primary, sizes), maximized: false };
  }
  const state = parsed.data;

  // The display it was on: the one showing most of it, if it shows enough to grab.
  let home: Rect | null = null;
  let best = 0;
  for (const area of workAreas) {
    const { width, height } = overlap(state, area);
    if (width >= Math.min(MIN_VISIBLE.width, state.width) && height >= Math.min(MIN_VISIBLE.height, state.height) && width * height > best) {
      best = width * height;
      home = area;
    }
  }
  if (!home) {
    // Its display is gone: same size where it fits, on the primary display, placed by the OS.
    return { bounds: fitSize(state.width, state.height, primary, sizes), maximized: state.maximized };
  }
  const { width, height } = fitSize(state.width, state.height, home, sizes);
  return {
    bounds: {
      width,
      height,
      x: clamp(state.x, home.x, home.x + home.width - width),
      y: clamp(state.y, home.y, home.y + home.height - height),
    },
    maximized: state.maximized,
  };
}

function fitSize(width: number, height: number, area: Rect, sizes: WindowSizes): { width: number; height: number } {
  return {
    width: Math.max(Math.min(width, area.width), Math.min(sizes.minWidth, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(sizes.minHeight, area.height)),
  };
}
