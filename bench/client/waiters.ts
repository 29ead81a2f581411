// Waiting for a bench client's socket to get somewhere: a condition on the
// client's counters (confirmations, sync round trips) is re-checked whenever
// a frame arrives (wake) and every 250 ms, and fails when the socket closes or
// the deadline passes.
export class Waiters {
  private readonly waiters: Array<() => void> = [];

  /** `closeCode` tells the socket's close code, null while it is open. */
  constructor(private readonly closeCode: () => number | null) {}

  until(done: () => boolean, deadline: number, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (done()) return resolve();
        if (this.closeCode() !== null) return reject(new Error(`socket closed (${this.closeCode()}) while waiting for ${what}`));
        if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
        this.waiters.push(check);
        // Re-check now and then even without traffic (the deadline).
        setTimeout(() => {
          const i = this.waiters.indexOf(check);
          if (i >= 0) {
            this.waiters.splice(i, 1);
            check();
          }
        }, 250).unref();
      };
      check();
    });
  }

  wake(): void {
    if (this.waiters.length === 0) return;
    for (const wake of this.waiters.splice(0)) wake();
  }
}
