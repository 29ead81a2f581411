import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../shared/random.js';
import { percentileRatioInterval, type RoundSamples } from './interval.js';

/** A round of `n` samples over `seconds`: mostly ~1 ms, with a long tail (µs). */
function round(seed: number, n = 5000, seconds = 7): RoundSamples {
  const next = mulberry32(seed);
  const samplesUs = Array.from({ length: n }, () => Math.round(600 + 400 * next() + (next() < 0.03 ? 4000 * next() : 0)));
  return { samplesUs, seconds };
}

describe('percentileRatioInterval', () => {
  it('gives an interval holding 1 for two servers drawn from the same distribution', () => {
    const result = percentileRatioInterval([round(1), round(2), round(3)], [round(4), round(5), round(6)])!;
    expect(result.level).toBe(0.9);
    expect(result.low).toBeLessThan(1);
    expect(result.high).toBeGreaterThan(1);
    expect(result.low).toBeLessThanOrEqual(result.ratio);
    expect(result.high).toBeGreaterThanOrEqual(result.ratio);
  });

  it('gives an interval well below 1 for a server twice as fast', () => {
    const slow = [round(1), round(2)];
    const fast = [round(3), round(4)].map((r) => ({ ...r, samplesUs: r.samplesUs.map((us) => us / 2) }));
    const result = percentileRatioInterval(fast, slow)!;
    expect(result.ratio).toBeGreaterThan(0.35);
    expect(result.ratio).toBeLessThan(0.65);
    expect(result.high).toBeLessThan(0.8);
  });

  it('is wider when the slow samples come together in time, as a stall makes them', () => {
    const base = round(7);
    // The same values, with the slowest 2 % moved together into one stretch of the round.
    const order = base.samplesUs.map((us, i) => ({ us, i })).sort((x, y) => y.us - x.us);
    const slowest = new Set(order.slice(0, Math.round(base.samplesUs.length * 0.02)).map((o) => o.i));
    const rest = base.samplesUs.filter((_, i) => !slowest.has(i));
    const stall = base.samplesUs.filter((_, i) => slowest.has(i));
    const clustered = { ...base, samplesUs: [...rest.slice(0, 2000), ...stall, ...rest.slice(2000)] };
    const reference = [round(8), round(9)];
    const spread = percentileRatioInterval([base], reference)!;
    const together = percentileRatioInterval([clustered], reference)!;
    expect(together.ratio).toBeCloseTo(spread.ratio, 10);
    expect(together.high - together.low).toBeGreaterThan(1.5 * (spread.high - spread.low));
  });

  it('renders the same interval twice (seeded)', () => {
    const a = [round(11), round(12)];
    const b = [round(13)];
    expect(percentileRatioInterval(a, b)).toEqual(percentileRatioInterval(a, b));
  });

  it('has nothing to say without samples on either side', () => {
    expect(percentileRatioInterval([], [round(1)])).toBeNull();
    expect(percentileRatioInterval([round(1)], [{ samplesUs: [], seconds: 7 }])).toBeNull();
  });
});
