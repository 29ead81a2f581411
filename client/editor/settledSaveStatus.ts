// The save status as the page shows it: "saving" at once when a change is not
// yet stored, "saved" only once everything has stayed stored for a moment.
// While someone types, every keystroke is stored within milliseconds; shown
// as it happens, the status (and the page around it) would flip to "saving"
// and back twice a keystroke. Google Docs and Feishu likewise say "saving…"
// while one types and "saved" after a pause.
import type { SaveStatus } from '../../shared/ackTracker.js';

/** How long everything must have stayed stored before "saved" is shown (ms). */
export const SAVED_SETTLE_MS = 400;

export class SettledSaveStatus {
  private timer: ReturnType<typeof setTimeout> | undefined;
  current: SaveStatus;

  constructor(
    initial: SaveStatus,
    private readonly onChange: (status: SaveStatus) => void,
  ) {
    this.current = initial;
  }

  /** What the acknowledgements say now. */
  set(status: SaveStatus): void {
    if (status === 'saved') {
      if (this.current === 'saved' || this.timer !== undefined) return;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.show('saved');
      }, SAVED_SETTLE_MS);
      return;
    }
    this.cancel();
    this.show(status);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private show(status: SaveStatus): void {
    if (status === this.current) return;
    this.current = status;
    this.onChange(status);
  }
}
