// How sure a ratio of two servers' p99 is: a block bootstrap over the
// rounds' samples. A few stalls of the host decide a round's p99
// (docs/performance.md), and a stall delays every delivery in its few milliseconds alike,
// so samples close in time are not independent: resampling them one by one
// would claim far more certainty than the run has. Each round's samples are
// kept in arrival order (as the tracker recorded them) and resampled in blocks
// of a quarter of a second, so a stall's cluster stays together.
import { rng } from './client/typist.js';
import { percentile } from './stats.js';

export interface RoundSamples {
  /** Propagation samples in the order they were recorded (µs). */
  samplesUs: readonly number[];
  /** How long the round was measured (s): with the sample count, how many samples a block holds. */
  seconds: number;
}

export interface RatioInterval {
  /** The ratio of the pooled percentiles themselves. */
  ratio: number;
  low: number;
  high: number;
  /** Confidence of [low, high], e.g. 0.9. */
  level: number;
}

export interface IntervalOptions {
  percentile?: number;
  level?: number;
  resamples?: number;
  blockSeconds?: number;
  /** Seed of the resampling, so a report renders the same interval twice. */
  seed?: number;
}

/**
 * The ratio of `a`'s pooled percentile to `b`'s, and an interval for it from
 * `resamples` block-bootstrap draws of both. Null when either side has no samples.
 */
export function percentileRatioInterval(a: readonly RoundSamples[], b: readonly RoundSamples[], options: IntervalOptions = {}): RatioInterval | null {
  const p = options.percentile ?? 99;
  const level = options.level ?? 0.9;
  const resamples = options.resamples ?? 400;
  const blockSeconds = options.blockSeconds ?? 0.25;
  const random = rng(options.seed ?? 20261129);
  const sizeA = total(a);
  const sizeB = total(b);
  if (sizeA === 0 || sizeB === 0) return null;
  const ratio = pooledPercentile(a, sizeA, p) / pooledPercentile(b, sizeB, p);
  const ratios = new Float64Array(resamples);
  const bufferA = new Float64Array(sizeA);
  const bufferB = new Float64Array(sizeB);
  for (let i = 0; i < resamples; i++) {
    ratios[i] = percentile(resample(a, blockSeconds, random, bufferA).sort(), p) / percentile(resample(b, blockSeconds, random, bufferB).sort(), p);
  }
  ratios.sort();
  const tail = ((1 - level) / 2) * 100;
  return { ratio, low: percentile(ratios, tail), high: percentile(ratios, 100 - tail), level };
}

const total = (rounds: readonly RoundSamples[]) => rounds.reduce((n, r) => n + r.samplesUs.length, 0);

function pooledPercentile(rounds: readonly RoundSamples[], size: number, p: number): number {
  const all = new Float64Array(size);
  let at = 0;
  for (const round of rounds) for (const us of round.samplesUs) all[at++] = us;
  return percentile(all.sort(), p);
}

/** Every round redrawn as blocks of consecutive samples starting anywhere in it (moving blocks), to its own size. */
function resample(rounds: readonly RoundSamples[], blockSeconds: number, random: () => number, into: Float64Array): Float64Array {
  let at = 0;
  for (const { samplesUs, seconds } of rounds) {
    const n = samplesUs.length;
    if (n === 0) continue;
    const block = Math.max(1, Math.min(n, Math.round((n / Math.max(seconds, 1e-9)) * blockSeconds)));
    for (let filled = 0; filled < n;) {
      const start = Math.floor(random() * (n - block + 1));
      const take = Math.min(block, n - filled);
      for (let k = 0; k < take; k++) into[at + filled + k] = samplesUs[start + k];
      filled += take;
    }
    at += n;
  }
  return into;
}
