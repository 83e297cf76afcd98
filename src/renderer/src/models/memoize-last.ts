/**
 * Remembers the last call: the same arguments (by identity) give back the same result object.
 * Store snapshots are immutable, so identity is exactly "nothing changed", and a stable result
 * lets React and zustand skip re-rendering.
 */
export function memoizeLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((arg, i) => Object.is(arg, args[i]))) {
      return last.result;
    }
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}
