/**
 * Bytes per second over a sliding window, for a transfer's speed and time left. Samples closer
 * together than `resolutionMs` replace each other, so a flood of progress lines keeps the
 * window small (at most window / resolution samples).
 */
export class TransferRate {
  private readonly times: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly windowMs = 5_000,
    private readonly resolutionMs = 100,
  ) {}

  add(now: number, completed: number): void {
    const last = this.times.length - 1;
    // A counter that went back (a restarted layer) starts a new measurement.
    if (last >= 0 && completed < (this.values[last] ?? 0)) {
      this.times.length = 0;
      this.values.length = 0;
    }
    if (this.times.length >= 2 && now - (this.times[this.times.length - 2] ?? 0) < this.resolutionMs) {
      this.times[this.times.length - 1] = now;
      this.values[this.values.length - 1] = completed;
    } else {
      this.times.push(now);
      this.values.push(completed);
    }
    let drop = 0;
    while (this.times.length - drop > 2 && now - (this.times[drop] ?? now) > this.windowMs) drop++;
    if (drop > 0) {
      this.times.splice(0, drop);
      this.values.splice(0, drop);
    }
  }

  /** Bytes per second, or null until there is a measurable interval. */
  bytesPerSecond(): number | null {
    const n = this.times.length;
    if (n < 2) return null;
    const dt = (this.times[n - 1] ?? 0) - (this.times[0] ?? 0);
    if (dt <= 0) return null;
    return (((this.values[n - 1] ?? 0) - (this.values[0] ?? 0)) * 1000) / dt;
  }
}
