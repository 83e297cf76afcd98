/** Calls `onReturn` when the user comes back to the app: window focus, or the tab becoming visible. */
export function watchForReturn(win: Window, onReturn: () => void): () => void {
  const onVisibility = () => {
    if (win.document.visibilityState === 'visible') onReturn();
  };
  win.addEventListener('focus', onReturn);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('focus', onReturn);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
