import fs from 'node:fs';

/**
 * Calls `onChange` (debounced) when `fileName` in `dir` may have changed. The folder is watched,
 * not the file: atomic writes replace the file, which would orphan a watch on the file itself.
 * Returns a function that stops watching. A folder that cannot be watched yields a no-op.
 */
export function watchFileInDir(
  dir: string,
  fileName: string,
  onChange: () => void,
  options: { debounceMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  const debounceMs = options.debounceMs ?? 100;
  let timer: NodeJS.Timeout | null = null;
  let watcher: fs.FSWatcher | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, debounceMs);
    timer.unref();
  };
  try {
    watcher = fs.watch(dir, { persistent: false, encoding: 'utf8' }, (_event, name) => {
      // Some platforms omit the name: then it may be our file.
      if (name === null || name === fileName) fire();
    });
    watcher.on('error', (error) => {
      options.onError?.(error);
      stop();
    });
  } catch (error) {
    options.onError?.(error);
  }
  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    watcher?.close();
    watcher = null;
  }
  return stop;
}
