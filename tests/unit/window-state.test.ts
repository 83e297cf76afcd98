import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedWindowState } from '../../src/main/desktop/window-bounds';
import { trackWindowState } from '../../src/main/desktop/window-state';

class FakeWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  minimized = false;
  fullScreen = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  isFullScreen = () => this.fullScreen;
}

afterEach(() => vi.useRealTimers());

describe('remembering the window place', () => {
  it('writes the normal bounds once the user stops moving or resizing, and at close', () => {
    vi.useFakeTimers();
    const win = new FakeWindow();
    const saved: SavedWindowState[] = [];
    trackWindowState(win, { read: () => undefined, write: (s) => saved.push(s) }, 500);
    win.emit('move');
    win.bounds = { x: 30.4, y: 40, width: 1100, height: 720 };
    win.emit('resize');
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([{ x: 30, y: 40, width: 1100, height: 720, maximized: false }]);
    win.maximized = true;
    win.emit('close');
    expect(saved.at(-1)).toEqual({ x: 30, y: 40, width: 1100, height: 720, maximized: true });
  });

  it('does not remember a minimized or full-screen place', () => {
    const win = new FakeWindow();
    const write = vi.fn();
    trackWindowState(win, { read: () => undefined, write }, 0);
    win.minimized = true;
    win.emit('close');
    win.minimized = false;
    win.fullScreen = true;
    win.emit('close');
    expect(write).not.toHaveBeenCalled();
  });

  it('a store that cannot write is reported, not thrown at close', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const win = new FakeWindow();
    trackWindowState(win, { read: () => undefined, write: () => { throw new Error('EACCES'); } }, 0);
    expect(() => win.emit('close')).not.toThrow();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('EACCES'));
  });
});
