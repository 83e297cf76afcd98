import type { SavedWindowState } from './window-bounds';

/**
 * Remembers the main window's place: its normal (unmaximized) bounds and whether it was
 * maximized, written a moment after the user stops moving or resizing it, and at close.
 * Electron-free: the window and the store are passed in (a fake in tests).
 */

export interface WindowStateStore {
  read(): unknown;
  write(state: SavedWindowState): void;
}

export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

export const SAVE_DELAY_MS = 500;

export function trackWindowState(win: TrackedWindow, store: WindowStateStore, delayMs = SAVE_DELAY_MS): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    // Minimized and full-screen places are not where the user wants it next time.
    if (win.isMinimized() || win.isFullScreen()) return;
    const { x, y, width, height } = win.getNormalBounds();
    try {
      store.write({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized: win.isMaximized() });
    } catch (error) {
      console.warn(`[window] could not remember the window's place: ${String(error)}`);
    }
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, saveSoon);
  win.on('close', save);
}
