/**
 * A byte count as Ollama's CLI prints it (`format.HumanBytes` in Ollama's `format/bytes.go`), so a
 * size in the registry reads like `ollama list`: decimal units (1 KB = 1000 B); from 10 up the
 * whole part only ("18 GB", truncated), below 10 one decimal when there is a fraction ("4.7 GB").
 */

const UNITS = [
  ['TB', 1e12],
  ['GB', 1e9],
  ['MB', 1e6],
  ['KB', 1e3],
] as const;

export function humanBytes(bytes: number): string {
  const b = Math.trunc(bytes);
  for (const [unit, size] of UNITS) {
    if (b < size) continue;
    const value = b / size;
    if (value >= 10 || value === Math.trunc(value)) return `${Math.trunc(value)} ${unit}`;
    return `${oneDecimal(value)} ${unit}`;
  }
  return `${b} B`;
}

/**
 * Go's `%.1f`. JavaScript's toFixed breaks an exact tie upwards and Go to the even digit; the only
 * exact ties at one decimal are x.25 and x.75, and they differ only for x.25 (Go: x.2).
 */
function oneDecimal(value: number): string {
  const quarters = value * 4; // exact: a power of two
  if (Number.isInteger(quarters) && quarters % 4 === 1) return (Math.floor(value * 10) / 10).toFixed(1);
  return value.toFixed(1);
}
