// Where the typist's tab spends its main thread while typing: a CPU profile
// (CDP Profiler) of a typing case, each sample's self time attributed through
// the build's source maps to what wrote the code: a package (prosemirror-view,
// yjs, react-dom…) or a source file of the app. Both stacks' builds carry
// source maps (Yigao's vite.config.ts, the bare page's config).
// source-map-js is Vite's own dependency (through PostCSS), not one of ours.
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** The parts of a CDP Profiler.Profile this reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileShare {
  /** A package, an app source file, or V8's own entry ("(garbage collector)", "(program)"). */
  what: string;
  ms: number;
}

export interface ProfileSummary {
  /** Profiled time (ms). */
  totalMs: number;
  /** Time not idle (ms). */
  busyMs: number;
  /** Largest first. */
  shares: ProfileShare[];
}

/** node_modules/<package>/… as the package's name; an app's own file as its path from the repository. */
function owner(source: string): string {
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [scope, name] = source.slice(modules + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  return source.replace(/^(\.\.\/)+/, '');
}

/** Summarises `profile`, fetching each script's source map once (by `fetchMap(url)`: null when it has none). */
export async function summarizeProfile(profile: CpuProfile, fetchMap: (url: string) => Promise<RawSourceMap | null>): Promise<ProfileSummary> {
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Sample i lasted until sample i + 1 was taken.
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (deltas[i + 1] ?? 0));
  const maps = new Map<string, Promise<SourceMapConsumer | null>>();
  const consumer = (url: string) => {
    if (!maps.has(url))
      maps.set(
        url,
        fetchMap(url)
          .then((raw) => (raw ? new SourceMapConsumer(raw) : null))
          .catch(() => null),
      );
    return maps.get(url)!;
  };
  const byOwner = new Map<string, number>();
  let idleUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    let what = functionName || '(anonymous)';
    if (url) {
      const map = await consumer(url);
      const source = map?.originalPositionFor({ line: lineNumber + 1, column: columnNumber }).source;
      what = source ? owner(source) : new URL(url).pathname;
    }
    if (what === '(idle)') idleUs += us;
    else byOwner.set(what, (byOwner.get(what) ?? 0) + us);
  }
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  return {
    totalMs,
    busyMs: totalMs - idleUs / 1000,
    shares: [...byOwner].map(([what, us]) => ({ what, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
  };
}
