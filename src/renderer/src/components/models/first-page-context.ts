import { createContext } from 'react';

/**
 * True while React renders the page the server sends, and while the browser hydrates it: parts
 * that need the browser's layout (the virtual grid) then render what the server can, the same on
 * both sides. False for a page rendered in the browser alone.
 */
export const FirstPageContext = createContext(false);
