/**
 * The browser-storage keys of choices the page remembers. One module without dependencies, so the
 * page's first script can read them (to apply the theme, and to see whether the server's first
 * page shows what the user left) without loading the store.
 */
export const THEME_KEY = 'modelwright.theme';
export const FILTERS_KEY = 'modelwright.model-filters';
export const DISMISSED_WARNINGS_KEY = 'modelwright.dismissed-warnings';
