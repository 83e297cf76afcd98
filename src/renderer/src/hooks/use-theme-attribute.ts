import { useEffect } from 'react';
import type { ThemeChoice } from '../store/ui-slice';

/** Puts the theme override on <html>; "system" leaves it to prefers-color-scheme. */
export function useThemeAttribute(theme: ThemeChoice): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
