// The propagation bookkeeping: an edit counts as received when an update
// reaching it arrives with nothing of its sender missing before it, at that
// update's arrival time; lost edits are read from the replicas themselves.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { SampleBuffer } from '../stats.js';
import type { BenchClient, RemoteUpdateListener } from './BenchClient.js';
import { EditTracker } from './EditTracker.js';

/** Just what EditTracker uses of a BenchClient: a replica, and updates delivered by the test. */
class FakeClient {
  readonly ydoc = new Y.Doc();
  listener: RemoteUpdateListener | null = null;
  deferred: Uint8Array[] = [];
  get clientID(): number {
    return this.ydoc.clientID;
  }
  get doc(): Y.Doc {
    for (const update of this.deferred.splice(0)) Y.applyUpdate(this.ydoc, update, 'remote');
    return this.ydoc;
  }
  deferRemote(listener: RemoteUpdateListener): void {
    this.listener = listener;
  }
  integratedClock(client: number): number {
    return Y.getState(this.ydoc.store, client);
  }
  /** The update arrives at `at`; `integrate: false` plays a replica that never applies it. */
  deliver(update: Uint8Array, at: number, integrate = true): void {
    this.listener?.(update, at);
    if (integrate) this.deferred.push(update);
  }
  /** Types `text` at the start of its body and returns the update it made. */
  type(text: string): Uint8Array {
    let made: Uint8Array | null = null;
    const capture = (update: Uint8Array) => (made = update);
    this.ydoc.on('update', capture);
    this.ydoc.getText('body').insert(0, text);
    this.ydoc.off('update', capture);
    return made!;
  }
}

const asClient = (fake: FakeClient) => fake as unknown as BenchClient;

function setUp() {
  const latencies = new SampleBuffer();
  const tracker = new EditTracker(latencies);
  const sender = new FakeClient();
  const receiver = new FakeClient();
  tracker.attach(asClient(sender));
  tracker.attach(asClient(receiver));
  tracker.measuring = true;
  const edit = (text: string, sentAt: number) => {
    const update = sender.type(text);
    tracker.sent(asClient(sender), sentAt);
    return update;
  };
  return { latencies, tracker, sender, receiver, edit };
}

describe('EditTracker', () => {
  it('counts an edit as received when its update arrives, at the arrival time', () => {
    const { latencies, tracker, receiver, edit } = setUp();
    const first = edit('一', 100);
    const second = edit('二', 110);
    expect(tracker.missingDeliveries()).toBe(2);
    receiver.deliver(first, 103);
    expect([...latencies.values()]).toEqual([3]);
    receiver.deliver(second, 115.5);
    expect([...latencies.values()]).toEqual([3, 5.5]);
    expect(tracker.deliveries).toBe(2);
    expect(tracker.missingDeliveries()).toBe(0);
    expect(tracker.heldBack).toBe(0);
    expect(tracker.lostEdits()).toBe(0);
  });

  it('holds an update that arrives before an earlier one of its sender until the gap is filled, as Yjs does', () => {
    const { latencies, tracker, receiver, edit } = setUp();
    const first = edit('一', 100);
    const second = edit('二', 101);
    receiver.deliver(second, 104);
    expect([...latencies.values()]).toEqual([]);
    expect(tracker.heldBack).toBe(1);
    expect(tracker.missingDeliveries()).toBe(2);
    receiver.deliver(first, 109);
    // Both became usable when the first arrived.
    expect([...latencies.values()]).toEqual([9, 8]);
    expect(tracker.missingDeliveries()).toBe(0);
    expect(tracker.lostEdits()).toBe(0);
  });

  it('counts an update arriving twice once', () => {
    const { latencies, tracker, receiver, edit } = setUp();
    const first = edit('一', 100);
    receiver.deliver(first, 102);
    receiver.deliver(first, 103);
    expect([...latencies.values()]).toEqual([2]);
    expect(tracker.deliveries).toBe(1);
  });

  it('reads lost edits from the replicas, not from what arrived', () => {
    const { tracker, receiver, edit } = setUp();
    const first = edit('一', 100);
    const second = edit('二', 101);
    receiver.deliver(first, 102);
    receiver.deliver(second, 103, false);
    expect(tracker.missingDeliveries()).toBe(0);
    expect(tracker.lostEdits()).toBe(1);
  });

  it('does not measure edits sent outside the measured window, but still expects them', () => {
    const { latencies, tracker, receiver, edit } = setUp();
    tracker.measuring = false;
    const unmeasured = edit('一', 100);
    tracker.measuring = true;
    const measured = edit('二', 200);
    receiver.deliver(unmeasured, 150);
    receiver.deliver(measured, 204);
    expect([...latencies.values()]).toEqual([4]);
    expect(tracker.editsSent).toBe(2);
    expect(tracker.editsMeasured).toBe(1);
    expect(tracker.deliveries).toBe(2);
  });

  it('does not count an edit echoed back to its own sender (the reference server relays to every member)', () => {
    const { latencies, tracker, sender, receiver, edit } = setUp();
    // What the typist writes when it begins (no edit of the tracker's), echoed too.
    const opening = sender.type('〇');
    sender.deliver(opening, 50);
    receiver.deliver(opening, 51);
    const update = edit('一', 100);
    sender.deliver(update, 101);
    receiver.deliver(update, 103);
    expect([...latencies.values()]).toEqual([3]);
    expect(tracker.deliveries).toBe(1);
  });
});
