// Runs a task for a key a while after the first change since it last ran:
// changes in between are folded into that one run (used for automatic
// versions and for comment anchors, per document).
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (key: string) => void,
  ) {}

  /** Schedules a run for `key` unless one is already scheduled. */
  touch(key: string): void {
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.run(key);
    }, this.delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Drops the scheduled run for `key`, if any. */
  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Drops every scheduled run. */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
