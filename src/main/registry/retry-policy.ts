/** How long registry writes keep trying when other programs are in the way. */

/**
 * How many times a write starts again when a program that does not lock changed the file
 * meanwhile; then it answers `busy` rather than write over that program's save.
 */
export const MAX_ATTEMPTS = 20;

/**
 * Nor longer than this in all: the lock is kept fresh by a timer, and a holder busy for seconds on
 * a loaded machine could see it taken over as stale, letting another writer in at the same time.
 */
export const MAX_RETRY_MS = 2000;

/** When a merge-back that could not be written (busy) is tried again. */
export const MERGE_RETRY_MS = 500;
