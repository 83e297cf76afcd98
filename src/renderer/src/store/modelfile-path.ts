/** One spelling per workspace-relative path, so an event's path finds the open document. */
export function normalizeModelfilePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/\/{2,}/g, '/').replace(/^(\.\/)+/, '');
}
