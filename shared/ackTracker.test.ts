import { describe, expect, it } from 'vitest';
import { encodeAck, isUpdateFrame } from './ackTracker.js';

describe('ack wire format', () => {
  it('encodes an acknowledgement as message type 100 and a count', () => {
    expect([...encodeAck(5)]).toEqual([100, 5]);
    expect([...encodeAck(300)]).toEqual([100, 172, 2]);
  });
  it('counts sync step 2 and update frames as update frames, and nothing else', () => {
    expect(isUpdateFrame(Uint8Array.from([0, 1, 0]))).toBe(true);
    expect(isUpdateFrame(Uint8Array.from([0, 2, 0]).buffer)).toBe(true);
    expect(isUpdateFrame(Uint8Array.from([0, 0, 0]))).toBe(false);
    expect(isUpdateFrame(Uint8Array.from([1, 2, 0]))).toBe(false);
    expect(isUpdateFrame('text')).toBe(false);
  });
});
