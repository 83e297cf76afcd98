/** eval's own exit statuses, older than the other commands' and kept for the CI jobs that read them. */
export const EVAL_EXIT = { ok: 0, regression: 1, error: 2 } as const;
