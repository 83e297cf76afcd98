import { describe, expect, it } from 'vitest';
import { restoreWindow, type Rect } from '../../src/main/desktop/window-bounds';

const sizes = { width: 1280, height: 820, minWidth: 880, minHeight: 560 };
// A laptop (primary) with a taskbar, and a monitor to its right.
const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const monitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('restoring the window', () => {
  it('opens where it was, at the size it had, and maximized if it was', () => {
    expect(restoreWindow({ x: 2100, y: 100, width: 1400, height: 900, maximized: true }, [laptop, monitor], sizes)).toEqual({
      bounds: { x: 2100, y: 100, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('without a saved state (first run) or with a broken one, takes the default size and lets the OS place it', () => {
    for (const saved of [undefined, null, 'x', { x: 1 }, { x: 0, y: 0, width: -5, height: 10 }, { x: 0.5, y: 0, width: 900, height: 600 }]) {
      expect(restoreWindow(saved, [laptop], sizes)).toEqual({ bounds: { width: 1280, height: 820 }, maximized: false });
    }
  });

  it('comes back to the primary display when the monitor it was on is unplugged, keeping its size where it fits', () => {
    expect(restoreWindow({ x: 2100, y: 100, width: 1400, height: 900, maximized: false }, [laptop], sizes)).toEqual({
      bounds: { width: 1400, height: 900 },
      maximized: false,
    });
    // Bigger than the display left: shrunk to it.
    expect(restoreWindow({ x: 2000, y: 0, width: 2500, height: 1400 }, [laptop], sizes).bounds).toEqual({ width: 1920, height: 1040 });
  });

  it('a window hanging off an edge is pulled back inside its display', () => {
    expect(restoreWindow({ x: 1700, y: 900, width: 1000, height: 700 }, [laptop], sizes).bounds).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
    expect(restoreWindow({ x: -300, y: -50, width: 1000, height: 700 }, [laptop], sizes).bounds).toEqual({ x: 0, y: 0, width: 1000, height: 700 });
  });

  it('a sliver left on a display (less than a title bar to grab) counts as gone', () => {
    expect(restoreWindow({ x: 1900, y: 10, width: 1000, height: 700 }, [laptop], sizes).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('on a display smaller than the window, it fits the display; never smaller than the minimum the display allows', () => {
    const small: Rect = { x: 0, y: 0, width: 800, height: 500 };
    expect(restoreWindow({ x: 0, y: 0, width: 1200, height: 800 }, [small], sizes).bounds).toEqual({ x: 0, y: 0, width: 800, height: 500 });
    expect(restoreWindow({ x: 10, y: 10, width: 300, height: 200 }, [laptop], sizes).bounds).toEqual({ x: 10, y: 10, width: 880, height: 560 });
  });

  it('spanning two displays, it stays on the one holding most of it', () => {
    expect(restoreWindow({ x: 1500, y: 0, width: 1200, height: 800 }, [laptop, monitor], sizes).bounds).toEqual({ x: 1920, y: 0, width: 1200, height: 800 });
  });

  it('displays with negative coordinates (a monitor left of or above the primary) work the same', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
    expect(restoreWindow({ x: -1800, y: -150, width: 1000, height: 700 }, [laptop, left], sizes).bounds).toEqual({ x: -1800, y: -150, width: 1000, height: 700 });
  });
});
