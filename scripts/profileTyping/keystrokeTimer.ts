// Keystroke → next paint, measured in the page: from the input event's
// timestamp to just after the frame that follows it (a requestAnimationFrame
// callback runs before the frame's style, layout and paint; a message posted
// from it is handled after them). Installed before the app's scripts run.
import type { Page } from 'playwright-core';

interface TypingTimes {
  /** Milliseconds from each keystroke's input event to after its frame was painted. */
  samples: number[];
}

/** Call before the page loads. */
export async function installKeystrokeTimer(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const times: TypingTimes = { samples: [] };
    (window as unknown as { typingTimes: TypingTimes }).typingTimes = times;
    const channel = new MessageChannel();
    const started: number[] = [];
    channel.port1.onmessage = () => {
      const t0 = started.shift();
      if (t0 !== undefined) times.samples.push(performance.now() - t0);
    };
    document.addEventListener(
      'beforeinput',
      (event) => {
        if (event.inputType !== 'insertText' && event.inputType !== 'insertCompositionText') return;
        // The event's timestamp is when the input was dispatched, even if the page was busy until now.
        started.push(event.timeStamp);
        requestAnimationFrame(() => channel.port2.postMessage(null));
      },
      true,
    );
  });
}

/** The times measured so far, and forgets them. */
export const takeKeystrokeTimes = (page: Page): Promise<number[]> =>
  page.evaluate(() => (window as unknown as { typingTimes: TypingTimes }).typingTimes.samples.splice(0));
